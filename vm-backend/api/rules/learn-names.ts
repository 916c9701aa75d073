// The lessons by id, and what each one tells the user to create by name. A lesson's clean-up removes
// only these exact names and what carries the label `wharf.lesson=<id>` (what a lesson runs itself):
// never anything else the user has. Shared by the window (the commands it shows) and the backend
// (learn:cleanup), so the two can never disagree on a name.

export const LESSON_IDS = [
  'image-container',
  'ports',
  'data',
  'tags',
  'networks',
  'compose',
  'versions',
  'interactive',
  'inside',
  'build',
  'vm',
] as const;
export type LessonId = (typeof LESSON_IDS)[number];

/** The label a lesson puts on what it runs itself. */
export const LESSON_LABEL = 'wharf.lesson';

export interface LessonNames {
  containers: readonly string[];
  volumes: readonly string[];
  networks: readonly string[];
}

export const LESSON_NAMES: Readonly<Record<LessonId, LessonNames>> = {
  'image-container': { containers: ['learn-hello'], volumes: [], networks: [] },
  ports: { containers: ['learn-web', 'learn-web-2', 'learn-web-3'], volumes: [], networks: [] },
  data: { containers: ['learn-data-1', 'learn-data-2', 'learn-data-3'], volumes: ['learn-data'], networks: [] },
  tags: { containers: [], volumes: [], networks: [] },
  networks: {
    containers: ['learn-net-a', 'learn-net-b', 'learn-net-c', 'learn-net-d'],
    volumes: [],
    networks: ['learn-net'],
  },
  // The compose file sets container_name, so down (or the clean-up) knows their exact names.
  compose: { containers: ['learn-compose-web', 'learn-compose-db'], volumes: [], networks: ['learn-compose_default'] },
  versions: { containers: ['learn-ver-new', 'learn-ver-old'], volumes: [], networks: [] },
  interactive: { containers: ['learn-shell'], volumes: [], networks: [] },
  inside: { containers: ['learn-limits'], volumes: [], networks: [] },
  build: { containers: ['learn-build-web'], volumes: [], networks: [] },
  vm: { containers: [], volumes: [], networks: [] },
};

/** The tag the lesson "Registry, repository, tag" has the user give an image. */
export const LESSON_OWN_TAG = 'learn/my-image:v1';

/** The tag the lesson "Build" has the user give the image built from its Dockerfile. */
export const LESSON_BUILD_TAG = 'learn/hello-web:1';
