// The compose domain's coded errors, each with a beginner's message and hint; compose's own
// words go in `detail`.
import { WharfError } from '../../api/errors';

const INSTALL_HINT =
  'Install Docker Compose (the "docker-compose-plugin" or "docker-compose" package), or set its path in the Projects view.';

export const composeNotFound = (detail: string): WharfError =>
  new WharfError({
    code: 'COMPOSE_NOT_FOUND',
    message: 'Docker Compose was not found on this computer.',
    hint: INSTALL_HINT,
    detail,
  });

export const composeTooOld = (version: string, command: string): WharfError =>
  new WharfError({
    code: 'COMPOSE_TOO_OLD',
    message: `Docker Compose ${version} is too old for Wharf.`,
    hint: 'Wharf needs Docker Compose 1.27 or newer (2.x is best). Update it, or set the path of a newer one.',
    detail: `${command}: ${version}`,
    params: { version },
  });

/** The compose file does not parse or does not fit the Compose Specification. */
export const composeFileInvalid = (file: string, line: number | null, detail: string): WharfError =>
  new WharfError({
    code: 'COMPOSE_FILE_INVALID',
    message:
      line === null
        ? `The compose file ${file} has a mistake.`
        : `The compose file ${file} has a mistake on line ${line}.`,
    hint: 'Fix the file and open it again: Docker Compose says what it expected below.',
    detail,
    params: { file, line: line ?? '' },
  });

export const composeFileMissing = (path: string, detail: string): WharfError =>
  new WharfError({
    code: 'COMPOSE_FILE_MISSING',
    message: `No compose file was found at ${path}.`,
    hint: 'Choose a folder holding compose.yaml (or docker-compose.yml), or the file itself. A folder that was moved or removed must be opened again.',
    detail,
    params: { path },
  });

export const composeUnknownService = (service: string, detail: string): WharfError =>
  new WharfError({
    code: 'COMPOSE_UNKNOWN_SERVICE',
    message: `The project has no service named "${service}".`,
    hint: 'Check the service names in the compose file (docker compose config --services).',
    detail,
    params: { service },
  });

export const composePortInUse = (port: string, detail: string): WharfError =>
  new WharfError({
    code: 'COMPOSE_PORT_IN_USE',
    message: `Port ${port} is already used on the engine's host.`,
    hint: 'Stop what uses that port, or change the host port in the compose file ("ports:"), then Up again.',
    detail,
    params: { port },
  });

export const composeImageNotFound = (image: string, detail: string): WharfError =>
  new WharfError({
    code: 'COMPOSE_IMAGE_NOT_FOUND',
    message: `The image ${image} could not be found or pulled.`,
    hint: 'Check the image name and tag in the compose file, or build it first ("build:"). Private images need docker login.',
    detail,
    params: { image },
  });

export const composeFailed = (command: string, detail: string): WharfError =>
  new WharfError({
    code: 'COMPOSE_FAILED',
    message: 'Docker Compose stopped with an error.',
    hint: 'Read what Docker Compose said below; the same command in a terminal gives the same answer.',
    detail: `${command}\n${detail}`,
  });

export const composeNoEngineSocket = (endpoint: string): WharfError =>
  new WharfError({
    code: 'COMPOSE_NO_ENGINE_SOCKET',
    message: 'Docker Compose cannot reach this engine yet.',
    hint: "Compose talks to a remote engine through Wharf's Docker socket, which is off (--no-docker-socket) or not ready. Reconnect the engine, or start Wharf with the socket on.",
    detail: endpoint,
  });

export const composeProjectUnknown = (project: string): WharfError =>
  new WharfError({
    code: 'COMPOSE_PROJECT_UNKNOWN',
    message: `There is no project named "${project}" on this engine.`,
    hint: 'Open its folder in the Projects view first.',
    detail: project,
    params: { project },
  });
