// Wires a VmManager for this host: QEMU driver, accelerator choice, the image (image-locate.ts's order).
import { mkdirSync } from 'node:fs';
import { markHung, pickAccel } from './qemu/accel-probe';
import { type ImageFiles, openImage } from './image/image';
import { findImageDir, imageCacheDir, imageDownloadSource, type ImagePlaces } from './image/image-locate';
import { hostArch } from './guest-arch';
import { downloadImage } from './image/image-download';
import { QemuDriver, qemuBinary } from './qemu/qemu-driver';
import { vmsRoot } from './vm-files';
import { VmManager } from './lifecycle/vm-manager';
import type { VmManagerOptions } from './lifecycle/vm-options';

const places = (env = process.env): ImagePlaces => ({
  env,
  resourcesPath: (process as { resourcesPath?: string }).resourcesPath,
  arch: hostArch(),
});

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

/** The given, bundled or cached image; else a download (WHARF_VM_IMAGE_URL or the default address). */
async function localOrDownloaded(env = process.env): Promise<ImageFiles> {
  try {
    return await openImage(findImageDir(places(env)));
  } catch (e) {
    const source = imageDownloadSource(places(env));
    if (!source) throw e;
    return downloadImage({ ...source, cacheDir: imageCacheDir(env) });
  }
}
