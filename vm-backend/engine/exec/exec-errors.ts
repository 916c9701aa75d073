import { WharfError } from '../../api/errors';

export function notRunning(name: string, state: string): WharfError {
  return new WharfError({
    code: 'CONTAINER_NOT_RUNNING',
    message: `Container ${name} is not running (${state}), so there is nothing to open a shell in.`,
    hint: 'Start it first; a shell runs inside a running container.',
    detail: `state: ${state}`,
    params: { subject: name, state },
  });
}

export function paused(name: string): WharfError {
  return new WharfError({
    code: 'CONTAINER_PAUSED',
    message: `Container ${name} is paused.`,
    hint: 'Resume (unpause) it first; a paused container runs no new processes.',
    detail: 'state: paused',
    params: { subject: name },
  });
}

export function notInteractive(name: string): WharfError {
  return new WharfError({
    code: 'ATTACH_NOT_INTERACTIVE',
    message: `Container ${name} was not started with -it, so there is no terminal to attach to.`,
    hint: 'Open a shell instead (docker exec), or run the container with -it.',
    detail: 'Config.OpenStdin is false',
    params: { subject: name },
  });
}
