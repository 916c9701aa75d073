// The Build lesson's folder: Wharf writes the lesson's Dockerfile (the one the step shows) into
// <data folder>/lessons/learn-build, so the Build view can be filled in with a folder that exists.
// A Dockerfile the user changed there is theirs: kept as it is, never overwritten.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LessonBuildFolder } from '../../api/contract.learn';
import { LESSON_BUILD_FOLDER, lessonDockerfile } from '../../api/rules/learn-dockerfile';
import { LESSON_BUILD_TAG } from '../../api/rules/learn-names';
import { wharfDataDir } from '../../connection/data-dir';
import { writeTextFileSync } from '../../connection/settings-file';

const DOCKERFILE = 'Dockerfile';

function existing(file: string): string | null {
  try {
    return readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return null; // absent: the write says what is wrong
    throw e;
  }
}

/** The lesson's first line, whatever image it names: a file still Wharf's own apart from that. */
const asWritten = (text: string, image: string): boolean =>
  text.replace(/^FROM .*$/m, '') === lessonDockerfile({ image }).replace(/^FROM .*$/m, '');

export function prepareBuildFolder(image: string, dataDir: string = wharfDataDir()): LessonBuildFolder {
  const folder = join(dataDir, 'lessons', LESSON_BUILD_FOLDER);
  const file = join(folder, DOCKERFILE);
  const want = `${lessonDockerfile({ image })}\n`;
  const have = existing(file);
  // Wharf's own file (for this image or another one the lesson used) is brought up to date; one the
  // user edited stays theirs.
  const written = have === null || have === want || asWritten(have.replace(/\n$/, ''), image);
  if (written && have !== want) writeTextFileSync(file, want);
  return { folder, dockerfile: DOCKERFILE, tag: LESSON_BUILD_TAG, written };
}
