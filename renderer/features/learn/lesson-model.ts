// A lesson as data: steps, each with its text (catalog keys), the docker command, what Wharf's
// button does, and a check: a pure function of the lists the window already holds (the engine's
// events keep them current), with a hint when the state is close to the step but not it.
import type { NetworkRow } from '../../../vm-backend/api/contract.networks';
import type { VolumeRow } from '../../../vm-backend/api/contract.volumes';
import type { LessonId } from '../../../vm-backend/api/rules/learn-names';
import type { RunForm } from '../../../vm-backend/api/rules/run-form';
import type { ContainerRow, ImageRow } from '../../../vm-backend/api/types';
import type { EngineKind } from './engine-kind';
import type { ContainerFacts } from './inspect-facts';

/** The live state a check reads: the window's own lists. */
export interface LearnState {
  containers: readonly ContainerRow[];
  images: readonly ImageRow[];
  volumes: readonly VolumeRow[];
  networks: readonly NetworkRow[];
  /** By container id: what one inspect of the containers a lesson `inspects` said (-it, --memory). */
  inspected?: Readonly<Record<string, ContainerFacts>>;
  /** Where the active engine runs (the targets list); undefined until known. */
  engine?: EngineKind;
}

/** What a lesson was set up with: the image the user picked, its web port. */
export interface LessonContext {
  image: string;
  port: number;
}

/** What a step's button in Wharf does (the same as its command). */
export type StepAction =
  | { kind: 'run'; forms: RunForm[] }
  | { kind: 'view'; view: string }
  /** Writes the lesson's Dockerfile into a folder of Wharf's and fills in the Build form. */
  | { kind: 'build'; image: string }
  | { kind: 'remove-containers'; names: string[] }
  | { kind: 'stop-containers'; names: string[] }
  | { kind: 'remove-image'; image: string }
  | { kind: 'remove-images'; images: string[] }
  | { kind: 'create-volume'; name: string }
  | { kind: 'cleanup' };

/** A hint: the catalog key under learn.hint and its values. */
export interface Hint {
  key: string;
  params?: Record<string, string | number>;
}

export interface Step {
  /** Texts under learn.lessons.<lesson>.steps.<id>.{title,text}. */
  id: string;
  /** Glossary terms the step's text uses (shown with their tooltip). */
  terms: readonly string[];
  cli(ctx: LessonContext): string;
  /** What the step's button does; none when the step is the terminal's (docker image pull). */
  action?(ctx: LessonContext, state: LearnState): StepAction | null;
  check(state: LearnState, ctx: LessonContext): boolean;
  hint?(state: LearnState, ctx: LessonContext): Hint | null;
}

export interface Lesson {
  id: LessonId;
  /** The image the lesson is written for, and what may stand in for it when it cannot be pulled. */
  image: string;
  /** False for a lesson whose steps run nothing (no image to pick or look for). */
  usesImage?: false;
  /** True when the image must serve a web page (its exposed port is used). */
  web: boolean;
  /** Lists beyond containers and images the checks read: listed when the lesson is open. */
  needs?: readonly ('volumes' | 'networks' | 'engine')[];
  /** Container names whose inspect the checks read (once per container and state). */
  inspects?: readonly string[];
  steps: readonly Step[];
}
