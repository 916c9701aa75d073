// Runs the compose CLI once: an argv array (never a shell string), DOCKER_HOST at the active
// engine, output collected (and streamed as it comes, for up/pull/build progress).
import { spawn } from 'node:child_process';

export interface ComposeRun {
  /** The compose command found (compose-find.ts), e.g. ["docker", "compose"]. */
  command: readonly string[];
  args: readonly string[];
  /** unix:///... or npipe://... of the engine the window shows. */
  dockerHost: string;
  cwd?: string;
  onOutput?: (text: string) => void;
  signal?: AbortSignal;
  timeoutMs?: number;
}

export interface ComposeRunOutput {
  code: number | null;
  /** stdout and stderr interleaved as they came. */
  output: string;
  stdout: string;
}

/** Output kept for the answer: compose's progress can be long, its error is at the end. */
const MAX_KEEP = 256 * 1024;

/** The environment compose runs in: ours, pointed at the active engine and without colours. */
export function composeEnv(dockerHost: string, base: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...base, DOCKER_HOST: dockerHost, COMPOSE_ANSI: 'never' };
  // A docker context (or TLS settings) of the user's shell must not send compose elsewhere.
  for (const k of ['DOCKER_CONTEXT', 'DOCKER_TLS_VERIFY', 'DOCKER_CERT_PATH', 'COMPOSE_FILE', 'COMPOSE_PROJECT_NAME'])
    delete env[k];
  return env;
}

export function runCompose(r: ComposeRun): Promise<ComposeRunOutput> {
  const [file, ...pre] = r.command;
  return new Promise((resolve, reject) => {
    const child = spawn(file ?? '', [...pre, '--ansi', 'never', ...r.args], {
      cwd: r.cwd,
      env: composeEnv(r.dockerHost),
      stdio: ['ignore', 'pipe', 'pipe'],
      windowsHide: true,
      ...(r.signal ? { signal: r.signal } : {}),
    });
    let output = '';
    let stdout = '';
    const keep = (text: string): void => {
      output += text;
      if (output.length > MAX_KEEP) output = output.slice(-MAX_KEEP);
      r.onOutput?.(text);
    };
    child.stdout.setEncoding('utf8').on('data', (t: string) => {
      stdout += t;
      if (stdout.length > 16 * MAX_KEEP) stdout = stdout.slice(-16 * MAX_KEEP);
      keep(t);
    });
    child.stderr.setEncoding('utf8').on('data', keep);
    const timer = r.timeoutMs ? setTimeout(() => child.kill('SIGTERM'), r.timeoutMs) : null;
    child.on('error', (e) => {
      if (timer) clearTimeout(timer);
      reject(e);
    });
    child.on('close', (code) => {
      if (timer) clearTimeout(timer);
      resolve({ code, output, stdout });
    });
  });
}
