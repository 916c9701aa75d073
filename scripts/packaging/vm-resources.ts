// What an installer carries for the VM (packaging/vm-resources.json): a QEMU build per platform and
// the VM image per processor, each fetched by URL and kept only when its sha256 is the pinned one.
// fetch-vm-resources.ts lays them out where electron-builder.yml's extraResources takes them:
//   vendor/qemu/<os>-<arch>/...      -> <resources>/qemu/   (qemu-locate.ts looks there first)
//   vendor/vm-image/<guest arch>/... -> <resources>/vm-image/<guest arch>/ (image-locate.ts)
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { z } from 'zod';
import { downloadImage } from '../../vm-backend/vm/image/image-download';
import { REPO_ROOT } from './electron-builder-config';

const sha256 = z.string().regex(/^[0-9a-f]{64}$/, '64 lowercase hex digits');

const schema = z.object({
  format: z.literal(1),
  qemu: z.object({
    version: z.string().min(1),
    note: z.string().optional(),
    /** Keyed like electron-builder's ${os}-${arch}: mac-arm64, win-x64... */
    builds: z.record(
      z.string().regex(/^(mac|win|linux)-(x64|arm64)$/),
      z.object({ url: z.url(), sha256: sha256.nullable() }),
    ),
  }),
  image: z.partialRecord(
    z.enum(['x86_64', 'aarch64']),
    z.object({ version: z.string().min(1), manifestUrl: z.url(), manifestSha256: sha256 }),
  ),
});
export type VmResources = z.infer<typeof schema>;

export const MANIFEST = join(REPO_ROOT, 'packaging', 'vm-resources.json');

export function loadVmResources(file = MANIFEST): VmResources {
  const r = schema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!r.success)
    throw new Error(`${file}: ${r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return r.data;
}

async function open(url: string): Promise<NodeJS.ReadableStream> {
  // Node's fetch has no file:, which a local mirror (and the tests) use.
  if (url.startsWith('file:')) return createReadStream(fileURLToPath(url));
  const res = await fetch(url);
  if (!res.ok || !res.body) throw new Error(`${url}: the server answered ${res.status}`);
  return Readable.fromWeb(res.body as never);
}

/** Downloads `url` to `dest` through `dest.part`; renamed only when its sha256 is `expected`. */
export async function fetchVerified(url: string, expected: string | null, dest: string): Promise<void> {
  if (!expected) throw new Error(`${url}: no sha256 is pinned for it in packaging/vm-resources.json; refusing it`);
  const part = `${dest}.part`;
  mkdirSync(dirname(dest), { recursive: true });
  const h = createHash('sha256');
  const tap = new Transform({
    transform(chunk: Buffer, _enc, cb) {
      h.update(chunk);
      cb(null, chunk);
    },
  });
  try {
    await pipeline(await open(url), tap, createWriteStream(part));
    const got = h.digest('hex');
    if (got !== expected) throw new Error(`${url}: sha256 ${got}, the manifest pins ${expected}`);
    renameSync(part, dest);
  } finally {
    rmSync(part, { force: true });
  }
}

/** The QEMU build for `target` (mac-arm64...) unpacked into `<vendor>/qemu/<target>/`. */
export async function fetchQemu(r: VmResources, target: string, vendor: string): Promise<string> {
  const build = r.qemu.builds[target];
  if (!build) throw new Error(`packaging/vm-resources.json has no QEMU build for ${target}`);
  const archive = join(vendor, 'downloads', `qemu-${r.qemu.version}-${target}.tar.gz`);
  await fetchVerified(build.url, build.sha256, archive);
  const dir = join(vendor, 'qemu', target);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  await promisify(execFile)('tar', ['-xzf', archive, '-C', dir]);
  return dir;
}

/** The VM image for `arch`, downloaded and verified file by file, into `<vendor>/vm-image/<arch>/`. */
export async function fetchImage(r: VmResources, arch: 'x86_64' | 'aarch64', vendor: string): Promise<string> {
  const entry = r.image[arch];
  if (!entry) throw new Error(`packaging/vm-resources.json has no VM image for ${arch}`);
  const img = await downloadImage({
    manifestUrl: entry.manifestUrl,
    manifestSha256: entry.manifestSha256,
    cacheDir: join(vendor, 'downloads', 'vm-image'),
  });
  const dir = join(vendor, 'vm-image', arch);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dirname(dir), { recursive: true });
  renameSync(img.dir, dir);
  // The compressed root disk was removed once unpacked; .complete is the cache's mark, not the app's.
  rmSync(join(dir, '.complete'), { force: true });
  return dir;
}
