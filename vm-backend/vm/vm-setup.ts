// Wires a VmManager for this host: QEMU driver, accelerator choice, the image in the cache.
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { markHung, pickAccel } from './qemu/accel-probe';
import { ImageError, type ImageFiles, openImage } from './image/image';
import { downloadImage } from './image/image-download';
import { QemuDriver, qemuBinary } from './qemu/qemu-driver';
import { vmsRoot } from './vm-files';
import { VmManager } from './lifecycle/vm-manager';
import type { VmManagerOptions } from './lifecycle/vm-options';

const imageCacheDir = (env = process.env): string =>
  join(env.WHARF_CACHE_DIR ?? join(homedir(), '.cache', 'wharf'), 'vm-images');

/** WHARF_VM_IMAGE (a folder with manifest.json), else the newest complete image in the cache. */
function findImageDir(env = process.env): string {
  if (env.WHARF_VM_IMAGE) return env.WHARF_VM_IMAGE;
  const root = imageCacheDir(env);
  const done = (d: string): string => join(root, d, '.complete');
  const dirs = existsSync(root) ? readdirSync(root).filter((d) => existsSync(done(d))) : [];
  dirs.sort((a, b) => statSync(done(a)).mtimeMs - statSync(done(b)).mtimeMs);
  const last = dirs.at(-1);
  if (!last) throw new ImageError('IMAGE_MISSING', `no VM image in ${root}: run "sudo scripts/vm/build-image.sh"`);
  return join(root, last);
}

export function createVmManager(dataDir: string, extra: Partial<VmManagerOptions> = {}): VmManager {
  const root = vmsRoot(dataDir);
  mkdirSync(root, { recursive: true, mode: 0o700 });
  const bin = qemuBinary();
  return new VmManager({
    vmsRoot: root,
    driver: new QemuDriver(bin),
    image: () => localOrDownloaded(),
    accel: () => pickAccel(bin, root),
    markHung: (a) => markHung(root, a),
    ...extra,
  });
}

/** The built or cached image; else, with WHARF_VM_IMAGE_URL (a packaged app's manifest URL), a download. */
async function localOrDownloaded(env = process.env): Promise<ImageFiles> {
  try {
    return await openImage(findImageDir(env));
  } catch (e) {
    if (!env.WHARF_VM_IMAGE_URL || env.WHARF_VM_IMAGE) throw e;
    return downloadImage({ manifestUrl: env.WHARF_VM_IMAGE_URL, cacheDir: imageCacheDir(env) });
  }
}
