// A build's failures in words a beginner can act on, with the engine's own words in detail and
// the Dockerfile line beside them when the failure came from a step.
import type { ErrorCode } from '../../api/error-codes';
import { WharfError } from '../../api/errors';
import type { BuildStep } from '../../api/contract.build';

function bad(
  code: ErrorCode,
  message: string,
  hint: string,
  detail: string,
  params: Record<string, string | number> = {},
): WharfError {
  return new WharfError({ code, message, hint, detail: detail.slice(0, 4000), params });
}

export const noDockerfile = (dockerfile: string, folder: string): WharfError =>
  bad(
    'BUILD_NO_DOCKERFILE',
    `There is no ${dockerfile} in ${folder}.`,
    'A build needs a Dockerfile: create one in the folder, or choose the file that is your Dockerfile.',
    `${folder}/${dockerfile}: not found`,
    { file: dockerfile, folder },
  );

export const contextTooLarge = (bytes: number): WharfError =>
  bad(
    'BUILD_CONTEXT_LARGE',
    `The folder to send is ${(bytes / 1024 ** 3).toFixed(1)} GB.`,
    'Add the folders the Dockerfile does not need to .dockerignore, or confirm to send it all.',
    `${bytes} bytes`,
    { gb: (bytes / 1024 ** 3).toFixed(1) },
  );

export const contextUnreadable = (detail: string): WharfError =>
  bad(
    'BUILD_CONTEXT_UNREADABLE',
    'Wharf could not read a file of the folder while sending it.',
    'Check the permissions of the file named below, or add it to .dockerignore.',
    detail,
  );

export const buildNotFound = (id: string): WharfError =>
  bad('BUILD_NOT_FOUND', 'That build is not known (any more).', 'Start it again from the Build view.', id);

export const tooManyBuilds = (max: number): WharfError =>
  bad('BUILD_TOO_MANY', `${max} builds are already running.`, 'Wait for one to finish, or cancel one.', String(max), {
    max,
  });

export const buildInterrupted = (): WharfError =>
  bad(
    'BUILD_INTERRUPTED',
    'This build stopped when Wharf stopped.',
    'Build again: layers built before are reused from the cache.',
    'the backend ended while the build ran',
  );

/** The engine's error message, read for its kind; `step`: the step that was running; `from`: the
 *  Dockerfile's first FROM (a --pull fails before any step starts). */
export function buildError(text: string, step?: BuildStep, from?: string): WharfError {
  const where: Record<string, string | number> = step
    ? { step: `${step.n}/${step.total}`, instruction: step.text, line: step.line ?? 0 }
    : {};
  const parse = /Dockerfile parse error line (\d+): (.*)/i.exec(text) ?? /dockerfile.*line (\d+)[:,]? (.*)/i.exec(text);
  if (parse)
    return bad(
      'BUILD_DOCKERFILE_SYNTAX',
      `The Dockerfile has a mistake on line ${parse[1]}: ${parse[2]}.`,
      'Fix that line: each line starts with an instruction such as FROM, RUN, COPY or CMD.',
      text,
      { line: Number(parse[1]), problem: parse[2] ?? '' },
    );
  const base = step ? (step.text.toUpperCase().startsWith('FROM') ? step.text : undefined) : from;
  if (
    base &&
    /pull access denied|repository does not exist|manifest unknown|not found: manifest|no such host|failed to resolve|dial tcp|i\/o timeout|toomanyrequests|no basic auth credentials|unauthorized/i.test(
      text,
    )
  )
    return bad(
      'BUILD_BASE_IMAGE',
      `The base image of "${base}" could not be found or downloaded.`,
      'Check its name and tag, pull it first (the engine may not reach the internet), or log in to its registry.',
      text,
      { ...where, instruction: base },
    );
  if (/COPY failed|ADD failed|file not found in build context|no source files were specified/i.test(text))
    return bad(
      'BUILD_COPY_MISSING',
      `A file that "${step?.text ?? 'COPY'}" copies is not in the folder that was sent.`,
      'Check the file name, and that .dockerignore does not leave it out.',
      text,
      where,
    );
  const exit = /returned a non-zero code: (\d+)/.exec(text);
  if (exit && step)
    return bad(
      'BUILD_STEP_FAILED',
      `Step ${step.n}/${step.total} "${step.text}" failed with exit code ${exit[1]}${step.line ? ` (Dockerfile line ${step.line})` : ''}.`,
      'Read the last lines of the log above: they are the command’s own error. Fix the command or what it needs, then build again.',
      text,
      { ...where, code: Number(exit[1]) },
    );
  if (/target stage .* could not be found|failed to reach build target/i.test(text))
    return bad(
      'BUILD_TARGET_UNKNOWN',
      'The target stage is not in the Dockerfile.',
      'Choose one of the FROM ... AS names.',
      text,
    );
  return bad(
    'BUILD_FAILED',
    step ? `The build failed at step ${step.n}/${step.total} "${step.text}".` : 'The build failed.',
    'Read the engine’s words below and the end of the log.',
    text,
    where,
  );
}
