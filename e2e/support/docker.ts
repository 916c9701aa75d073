import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The real docker CLI against the same engine Wharf uses. Rejects with docker's stderr. */
export async function docker(...args: string[]): Promise<string> {
  try {
    const { stdout } = await run('docker', args, { maxBuffer: 64 * 1024 * 1024 });
    return stdout.trim();
  } catch (err) {
    const e = err as { stderr?: string; message: string };
    throw new Error(`docker ${args.join(' ')}: ${e.stderr?.trim() || e.message}`);
  }
}

/** A name no other test run uses, so parallel runs on one engine never collide. */
export function uniqueName(prefix: string): string {
  return `${prefix}-${process.pid}-${Date.now().toString(36)}-${Math.floor(Math.random() * 1e4)}`;
}

/** Starts a fixture container (label wharf.test=1 comes from the image) and returns its id. */
export function runFixture(name: string, ...extra: string[]): Promise<string> {
  return docker('run', '-d', '--name', name, '--label', 'wharf.test=1', ...extra);
}

/** A new volume (label wharf.test=1) with files written by `script`, run in a short-lived busybox
 *  with the volume at /data (removed once it ends). */
export async function volumeWith(volume: string, script: string): Promise<void> {
  await docker('volume', 'create', '--label', 'wharf.test=1', volume);
  await docker(
    'run',
    '--rm',
    '--label',
    'wharf.test=1',
    '-v',
    `${volume}:/data`,
    'wharf-fixture/busybox:1',
    'sh',
    '-c',
    script,
  );
}

/** Removes the given containers, ignoring ones already gone. */
export async function removeContainers(...names: string[]): Promise<void> {
  if (names.length) await docker('rm', '-f', ...names).catch(() => undefined);
}

/** Unique container names for one spec file; `cleanup()` (in afterEach) removes the ones handed out. */
export function trackedNames(): { named(prefix: string): string; cleanup(): Promise<void> } {
  const made: string[] = [];
  return {
    named(prefix) {
      const n = uniqueName(prefix);
      made.push(n);
      return n;
    },
    cleanup: () => removeContainers(...made.splice(0)),
  };
}

/** Removes every container this test run labelled. Use in a global teardown, not between tests of another file. */
export async function removeTestContainers(): Promise<void> {
  const ids = (await docker('ps', '-aq', '--filter', 'label=wharf.test=1')).split('\n').filter(Boolean);
  if (ids.length) await docker('rm', '-f', ...ids);
}
