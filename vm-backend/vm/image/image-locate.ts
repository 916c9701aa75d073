// Which VM image to use, in the order an installed app should look:
//   1. WHARF_VM_IMAGE (a folder with manifest.json): that one and nothing else;
//   2. the image shipped inside the app (extraResources: <resources>/vm-image/<arch>/);
//   3. the newest complete image in the cache (~/.cache/wharf/vm-images/<version>/.complete);
// and when none opens, a download: WHARF_VM_IMAGE_URL, else the default address for this
// processor (default-image.ts) with its manifest's sha256.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { GuestArch } from '../guest-arch';
import { DEFAULT_IMAGES } from './default-image';
import { ImageError } from './image';

export interface ImagePlaces {
  env: NodeJS.ProcessEnv;
  /** Electron's process.resourcesPath; undefined under plain Node. */
  resourcesPath?: string | undefined;
  arch: GuestArch | null;
}

export const imageCacheDir = (env: NodeJS.ProcessEnv = process.env): string =>
  join(env.WHARF_CACHE_DIR ?? join(homedir(), '.cache', 'wharf'), 'vm-images');

export const bundledImageDir = (resourcesPath: string, arch: GuestArch): string =>
  join(resourcesPath, 'vm-image', arch);

/** The image folder to open; IMAGE_MISSING, naming where it looked, when there is none. */
export function findImageDir(o: ImagePlaces): string {
  if (o.env.WHARF_VM_IMAGE) return o.env.WHARF_VM_IMAGE;
  const looked: string[] = [];
  if (o.resourcesPath && o.arch) {
    const bundled = bundledImageDir(o.resourcesPath, o.arch);
    if (existsSync(join(bundled, 'manifest.json'))) return bundled;
    looked.push(bundled);
  }
  const root = imageCacheDir(o.env);
  const done = (d: string): string => join(root, d, '.complete');
  const dirs = existsSync(root) ? readdirSync(root).filter((d) => existsSync(done(d))) : [];
  dirs.sort((a, b) => statSync(done(a)).mtimeMs - statSync(done(b)).mtimeMs);
  const last = dirs.at(-1);
  if (last) return join(root, last);
  looked.push(root);
  throw new ImageError('IMAGE_MISSING', `no VM image in ${looked.join(' or ')}`);
}

export interface ImageDownloadSource {
  manifestUrl: string;
  /** The manifest's own sha256, when the address is Wharf's default one. */
  manifestSha256?: string;
}

/** Where to download the image from when no folder has one; null with WHARF_VM_IMAGE (use that or fail). */
export function imageDownloadSource(o: ImagePlaces): ImageDownloadSource | null {
  if (o.env.WHARF_VM_IMAGE) return null;
  if (o.env.WHARF_VM_IMAGE_URL) return { manifestUrl: o.env.WHARF_VM_IMAGE_URL };
  const d = o.arch ? DEFAULT_IMAGES[o.arch] : undefined;
  return d ? { manifestUrl: d.manifestUrl, manifestSha256: d.manifestSha256 } : null;
}
