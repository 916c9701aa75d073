// A short-lived helper container that runs one `sh -c` script and is removed (with any anonymous
// volume its image declares) whatever happens: used where the archive API cannot help (deleting
// inside a volume, listing one level of a stopped container's image). No network, no ports, the
// image's own entrypoint replaced; nothing is pulled: the image must already be on the engine.
import type { Readable } from 'node:stream';
import type Docker from 'dockerode';
import { readFailure } from '../errors';
import { Demuxer } from '../streams/demux';
import { HELPER_LABEL } from './file-owner';

export interface HelperRun {
  /** null: the image has no `sh` (the container could not start). */
  exitCode: number | null;
  stdout: Buffer;
  stderr: string;
}

export interface HelperSpec {
  image: string;
  script: string;
  args: string[];
  mounts?: { Type: 'volume'; Source: string; Target: string }[];
  /** Output past this many bytes is dropped (the run still completes). */
  maxOutput?: number;
}

/** True when the engine said the image cannot run `sh` (no shell in it). */
export const noShell = (message: string): boolean =>
  /executable file not found|no such file or directory|exec format error|not found in \$PATH/i.test(message);

export async function runHelper(docker: Docker, spec: HelperSpec): Promise<HelperRun> {
  const max = spec.maxOutput ?? 64 * 1024 * 1024;
  const c = await docker.createContainer({
    Image: spec.image,
    Entrypoint: ['sh', '-c', spec.script, 'wharf-helper', ...spec.args],
    Cmd: [],
    User: '0',
    WorkingDir: '/',
    Labels: { [HELPER_LABEL]: 'files' },
    NetworkDisabled: true,
    AttachStdout: true,
    AttachStderr: true,
    Tty: false,
    HostConfig: { Mounts: spec.mounts ?? [], NetworkMode: 'none', AutoRemove: false },
  });
  try {
    const stream = (await c.attach({ stream: true, stdout: true, stderr: true })) as unknown as Readable;
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let size = 0;
    const demux = new Demuxer(false, (kind, data) => {
      size += data.length;
      if (size > max) return;
      (kind === 'stdout' ? out : err).push(data);
    });
    const ended = new Promise<void>((resolve) => {
      stream.on('data', (chunk: Buffer) => demux.push(chunk));
      stream.on('end', resolve);
      stream.on('close', resolve);
      stream.on('error', () => resolve());
    });
    try {
      await c.start();
    } catch (e) {
      stream.destroy();
      if (noShell(readFailure(e).message)) return { exitCode: null, stdout: Buffer.alloc(0), stderr: '' };
      throw e;
    }
    const waited = (await c.wait()) as { StatusCode: number };
    await ended;
    return {
      exitCode: waited.StatusCode,
      stdout: Buffer.concat(out),
      stderr: Buffer.concat(err).toString('utf8'),
    };
  } finally {
    await c.remove({ force: true, v: true }).catch(() => {});
  }
}
