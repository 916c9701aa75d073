import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * Imports a tiny image with content of its own (so its id is unique: no other tag shares it),
 * tagged `ref`. Busybox is copied in so containers made from it can run `sleep`.
 */
export async function importUniqueImage(ref: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'wharf-img-'));
  try {
    await run('mkdir', ['-p', join(dir, 'root/bin')]);
    await run('cp', ['/bin/busybox', join(dir, 'root/bin/busybox')]);
    await run('ln', ['-s', 'busybox', join(dir, 'root/bin/sleep')]);
    await run('ln', ['-s', 'busybox', join(dir, 'root/bin/sh')]);
    await writeFile(join(dir, 'root/unique'), `${ref} ${process.hrtime.bigint()}\n`);
    await run('tar', ['-C', join(dir, 'root'), '-cf', join(dir, 'rootfs.tar'), '.']);
    const { stdout } = await run('docker', [
      'import',
      '--change',
      'LABEL wharf.test=1',
      '--change',
      'CMD ["sleep","600"]',
      join(dir, 'rootfs.tar'),
      ref,
    ]);
    return stdout.trim();
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
