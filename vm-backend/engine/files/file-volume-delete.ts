// Deleting inside a volume: the archive API cannot delete, so a short-lived helper (file-helper-run)
// from an image already on the engine that has `sh` and `rm` mounts the volume at /v and removes
// the confirmed path. The shell resolves the parent folder (links followed) and refuses anything
// whose real parent is not /v or inside it, so a link in the volume cannot lead the `rm` out of it.
// No image with a shell: FILES_NO_SHELL_IMAGE.
import type { EngineSession } from '../session';
import { volumeError } from '../volumes/volume-errors';
import { fileNotFound, filePermission, noShellImage, pathInvalid } from './file-errors';
import { runHelper } from './file-helper-run';
import { VOLUME_MOUNT } from './file-owner';

// $1 is /v/<path>, never /v itself (refused before).
export const DELETE_SCRIPT = [
  'command -v rm >/dev/null || exit 127',
  'p=$1; parent=${p%/*}; name=${p##*/}',
  '[ -n "$parent" ] || exit 5',
  'real=$(cd -P -- "$parent" 2>/dev/null && pwd -P) || exit 3',
  `case "$real" in ${VOLUME_MOUNT}|${VOLUME_MOUNT}/*) ;; *) exit 5;; esac`,
  '[ -e "$real/$name" ] || [ -L "$real/$name" ] || exit 3',
  'rm -rf -- "$real/$name" || exit 4',
].join('\n');

/** How many of the smallest images are tried for one with a shell. */
const TRIES = 5;

export async function deleteInVolume(session: EngineSession, volume: string, path: string): Promise<void> {
  const docker = session.client();
  // The mount would otherwise create a missing volume.
  await docker
    .getVolume(volume)
    .inspect()
    .catch((e: unknown) => {
      throw volumeError(e, volume, session.conn.endpoint);
    });
  const images = [...session.images.listing().rows].sort((a, b) => a.size - b.size).slice(0, TRIES);
  const tried: string[] = [];
  for (const image of images) {
    tried.push(image.repoTags[0] ?? image.id.slice(7, 19));
    const r = await runHelper(docker, {
      image: image.id,
      script: DELETE_SCRIPT,
      args: [`${VOLUME_MOUNT}${path}`],
      mounts: [{ Type: 'volume', Source: volume, Target: VOLUME_MOUNT }],
      maxOutput: 64 * 1024,
    }).catch((e: unknown) => {
      // An image removed since the list was read: try the next one.
      if (/no such image/i.test(String((e as Error)?.message ?? e))) return null;
      throw e;
    });
    if (!r || r.exitCode === null || r.exitCode === 127) continue;
    if (r.exitCode === 0) return;
    if (r.exitCode === 3) throw fileNotFound(path, `nothing at ${path} in volume ${volume}`);
    if (r.exitCode === 5) throw pathInvalid(path, 'its folder is a link that leads outside the volume');
    throw filePermission(path, r.stderr.trim() || `rm exited with ${r.exitCode}`);
  }
  throw noShellImage(tried);
}
