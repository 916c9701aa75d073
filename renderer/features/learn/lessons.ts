// The lessons, in the order the Learn view shows them.
import type { LessonId } from '../../../vm-backend/api/rules/learn-names';
import { buildLesson } from './lesson-build';
import { composeLesson } from './lesson-compose';
import { dataLesson } from './lesson-data';
import { imageContainerLesson } from './lesson-image-container';
import { insideLesson } from './lesson-inside';
import { interactiveLesson } from './lesson-interactive';
import type { Lesson } from './lesson-model';
import { networksLesson } from './lesson-networks';
import { portsLesson } from './lesson-ports';
import { tagsLesson } from './lesson-tags';
import { versionsLesson } from './lesson-versions';
import { vmLesson } from './lesson-vm';

export const LESSONS: readonly Lesson[] = [
  imageContainerLesson,
  portsLesson,
  dataLesson,
  tagsLesson,
  networksLesson,
  composeLesson,
  versionsLesson,
  interactiveLesson,
  insideLesson,
  buildLesson,
  vmLesson,
];

export const lessonById = (id: LessonId): Lesson => LESSONS.find((l) => l.id === id) ?? imageContainerLesson;
