// The guest image: kernel + initrd + root disk described by manifest.json (sha256 and size of
// each file). Built by scripts/vm/build-image.sh, or downloaded (image-download.ts) and verified.
import { createHash } from 'node:crypto';
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { type GuestArch, hostArch } from '../guest-arch';

const fileEntry = z.object({
  name: z.string().regex(/^[A-Za-z0-9._-]+$/, 'a plain file name'),
  size: z.number().int().nonnegative(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/, '64 hex digits'),
});

const manifestSchema = z.object({
  format: z.literal(1),
  version: z.string().min(1).max(200),
  arch: z.enum(['x86_64', 'aarch64']),
  kernelVersion: z.string().optional(),
  cmdline: z.string().max(1024),
  builtAt: z.string().optional(),
  files: z.object({
    kernel: fileEntry,
    initrd: fileEntry,
    rootfs: fileEntry.extend({ compressed: fileEntry.extend({ encoding: z.literal('gzip') }).optional() }),
  }),
});
export type ImageManifest = z.infer<typeof manifestSchema>;
export type ManifestFile = z.infer<typeof fileEntry>;

/** A usable image on disk: absolute paths plus its manifest. */
export interface ImageFiles {
  dir: string;
  manifest: ImageManifest;
  kernel: string;
  initrd: string;
  rootfs: string;
}

export class ImageError extends Error {
  constructor(
    readonly code:
      | 'IMAGE_MISSING'
      | 'IMAGE_MANIFEST'
      | 'IMAGE_CHECKSUM'
      | 'IMAGE_SHORT'
      | 'IMAGE_DOWNLOAD'
      | 'IMAGE_WRONG_ARCH',
    message: string,
  ) {
    super(message);
  }
}

export function parseManifest(text: string): ImageManifest {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new ImageError('IMAGE_MANIFEST', 'the image manifest is not JSON');
  }
  const r = manifestSchema.safeParse(raw);
  if (!r.success)
    throw new ImageError(
      'IMAGE_MANIFEST',
      `the image manifest is not valid: ${r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
  return r.data;
}

function sha256File(path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const h = createHash('sha256');
    createReadStream(path)
      .on('data', (d) => h.update(d))
      .on('error', reject)
      .on('end', () => resolve(h.digest('hex')));
  });
}

/** Checks one file against its entry: size first (cheap, catches a short download), then sha256. */
export async function verifyFile(path: string, entry: ManifestFile, full = true): Promise<void> {
  if (!existsSync(path)) throw new ImageError('IMAGE_MISSING', `${entry.name} is missing`);
  const size = statSync(path).size;
  if (size !== entry.size)
    throw new ImageError('IMAGE_SHORT', `${entry.name} is ${size} bytes, the manifest says ${entry.size}`);
  if (!full) return;
  const sum = await sha256File(path);
  if (sum !== entry.sha256)
    throw new ImageError(
      'IMAGE_CHECKSUM',
      `${entry.name} has sha256 ${sum.slice(0, 12)}..., the manifest says ${entry.sha256.slice(0, 12)}...`,
    );
}

/** An image only runs on a host of its own architecture (hardware acceleration needs it, and an
 *  emulated foreign CPU would be several times slower still): any other is refused, not booted. */
export function checkImageArch(manifest: ImageManifest, host: GuestArch | null = hostArch()): void {
  if (manifest.arch === host) return;
  throw new ImageError(
    'IMAGE_WRONG_ARCH',
    `the VM image ${manifest.version} is for ${manifest.arch}, this computer is ${host ?? `${process.arch} (not supported)`}`,
  );
}

/** Opens the image in `dir`; `full` re-hashes every file (slow for the 2 GB root disk). */
export async function openImage(dir: string, full = false, host: GuestArch | null = hostArch()): Promise<ImageFiles> {
  const mf = join(dir, 'manifest.json');
  if (!existsSync(mf)) throw new ImageError('IMAGE_MISSING', `no image at ${dir} (manifest.json missing)`);
  const manifest = parseManifest(readFileSync(mf, 'utf8'));
  checkImageArch(manifest, host);
  const { kernel, initrd, rootfs } = manifest.files;
  const files = {
    dir,
    manifest,
    kernel: join(dir, kernel.name),
    initrd: join(dir, initrd.name),
    rootfs: join(dir, rootfs.name),
  };
  await verifyFile(files.kernel, kernel, full);
  await verifyFile(files.initrd, initrd, full);
  await verifyFile(files.rootfs, rootfs, full);
  return files;
}
