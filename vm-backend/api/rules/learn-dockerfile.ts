// The Build lesson's Dockerfile: a page served by busybox's httpd on port 3000. Shared by the
// window (the step's text and command) and the backend (learn:prepare-build writes it), so the file
// Wharf writes is byte for byte the one the step shows.

/** The port the lesson's image serves and publishes. */
export const LESSON_BUILD_PORT = 3000;
/** The folder the step's command makes, and the one Wharf writes under its data folder. */
export const LESSON_BUILD_FOLDER = 'learn-build';

export function lessonDockerfile({ image }: { image: string }): string {
  return [
    `FROM ${image}`,
    'WORKDIR /site',
    `RUN echo '<h1>Hello from my own image</h1>' > index.html`,
    `EXPOSE ${LESSON_BUILD_PORT}`,
    `CMD ["httpd", "-f", "-p", "${LESSON_BUILD_PORT}", "-h", "/site"]`,
  ].join('\n');
}
