// A packaged app's path to the guest image: manifest URL -> each file downloaded beside its
// final name (.part), size and sha256 checked while it streams, the root disk gunzipped and checked
// again. A corrupt, short or long file is refused and removed; nothing half-done is ever used.
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import { checkImageArch, ImageError, type ImageFiles, type ManifestFile, openImage, parseManifest } from './image';

export interface DownloadOptions {
  manifestUrl: string;
  /** The manifest's sha256 when the address is a pinned one (default-image.ts): anything else is refused. */
  manifestSha256?: string;
  /** Images land in `<cacheDir>/<version>/`. */
  cacheDir: string;
  onProgress?: (p: { file: string; bytes: number; total: number }) => void;
  fetchImpl?: typeof fetch;
}

const MANIFEST_MAX = 64 * 1024;

/** Counts, hashes and caps a stream: more bytes than `max` is an error at once. */
function meter(
  entry: ManifestFile,
  onBytes: (n: number) => void,
): { tap: Transform; result: () => { size: number; sha256: string } } {
  const h = createHash('sha256');
  let size = 0;
  const tap = new Transform({
    transform(chunk: Buffer, _enc, cb) {
      size += chunk.length;
      if (size > entry.size)
        return cb(
          new ImageError('IMAGE_CHECKSUM', `${entry.name} is longer than the manifest says (${entry.size} bytes)`),
        );
      h.update(chunk);
      onBytes(size);
      cb(null, chunk);
    },
  });
  return { tap, result: () => ({ size, sha256: h.digest('hex') }) };
}

function check(entry: ManifestFile, got: { size: number; sha256: string }): void {
  if (got.size !== entry.size)
    throw new ImageError('IMAGE_SHORT', `${entry.name} arrived with ${got.size} of ${entry.size} bytes`);
  if (got.sha256 !== entry.sha256)
    throw new ImageError(
      'IMAGE_CHECKSUM',
      `${entry.name} has sha256 ${got.sha256.slice(0, 12)}..., the manifest says ${entry.sha256.slice(0, 12)}...`,
    );
}

async function fetchFile(o: DownloadOptions, url: string, entry: ManifestFile, dest: string): Promise<void> {
  const part = `${dest}.part`;
  try {
    const res = await (o.fetchImpl ?? fetch)(url);
    if (!res.ok || !res.body)
      throw new ImageError('IMAGE_DOWNLOAD', `${entry.name}: the server answered ${res.status}`);
    const m = meter(entry, (bytes) => o.onProgress?.({ file: entry.name, bytes, total: entry.size }));
    await pipeline(Readable.fromWeb(res.body as never), m.tap, createWriteStream(part));
    check(entry, m.result());
    renameSync(part, dest);
  } catch (e) {
    rmSync(part, { force: true });
    if (e instanceof ImageError) throw e;
    throw new ImageError('IMAGE_DOWNLOAD', `${entry.name}: the download failed (${(e as Error).message})`);
  }
}

async function gunzipChecked(src: string, entry: ManifestFile, dest: string): Promise<void> {
  const part = `${dest}.part`;
  try {
    const m = meter(entry, () => {});
    await pipeline(createReadStream(src), createGunzip(), m.tap, createWriteStream(part));
    check(entry, m.result());
    renameSync(part, dest);
  } catch (e) {
    rmSync(part, { force: true });
    throw e instanceof ImageError
      ? e
      : new ImageError('IMAGE_CHECKSUM', `${entry.name} does not unpack: ${(e as Error).message}`);
  } finally {
    rmSync(src, { force: true });
  }
}

export async function downloadImage(o: DownloadOptions): Promise<ImageFiles> {
  const res = await (o.fetchImpl ?? fetch)(o.manifestUrl).catch((e: Error) => {
    throw new ImageError('IMAGE_DOWNLOAD', `the image manifest could not be fetched: ${e.message}`);
  });
  if (!res.ok) throw new ImageError('IMAGE_DOWNLOAD', `the image manifest: the server answered ${res.status}`);
  const text = await res.text();
  if (text.length > MANIFEST_MAX) throw new ImageError('IMAGE_MANIFEST', 'the image manifest is too large');
  const got = createHash('sha256').update(text).digest('hex');
  if (o.manifestSha256 && got !== o.manifestSha256)
    throw new ImageError(
      'IMAGE_CHECKSUM',
      `the image manifest has sha256 ${got.slice(0, 12)}..., Wharf expects ${o.manifestSha256.slice(0, 12)}...`,
    );
  const manifest = parseManifest(text);
  checkImageArch(manifest); // before fetching hundreds of MB this computer cannot run
  const dir = join(o.cacheDir, manifest.version.replace(/[^A-Za-z0-9._-]/g, '_'));
  if (existsSync(join(dir, '.complete'))) return openImage(dir);
  mkdirSync(dir, { recursive: true });
  const url = (name: string): string => new URL(name, o.manifestUrl).toString();
  const { kernel, initrd, rootfs } = manifest.files;
  await fetchFile(o, url(kernel.name), kernel, join(dir, kernel.name));
  await fetchFile(o, url(initrd.name), initrd, join(dir, initrd.name));
  if (rootfs.compressed) {
    const gz = join(dir, rootfs.compressed.name);
    await fetchFile(o, url(rootfs.compressed.name), rootfs.compressed, gz);
    await gunzipChecked(gz, rootfs, join(dir, rootfs.name));
  } else {
    await fetchFile(o, url(rootfs.name), rootfs, join(dir, rootfs.name));
  }
  writeFileSync(join(dir, 'manifest.json'), text);
  writeFileSync(join(dir, '.complete'), '');
  return openImage(dir);
}
