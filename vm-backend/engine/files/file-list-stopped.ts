// One folder of a STOPPED container without streaming its subtree: the archive API would send every
// byte under the folder (seconds for `/` of a 1 GB image). Instead: the folder as the container's
// IMAGE has it, listed by `stat -c` in a short-lived helper from that image (file-helper-run; cached
// per image id and folder: an image id never changes content), patched with the container's own
// changes (`docker diff`, one call): deleted names dropped, added or changed names stat'ed by `HEAD`
// on the container itself. The paths the engine makes per container (its init layer: /etc/hosts,
// /dev, /.dockerenv, ...) and the mount points are stat'ed on the container too, so they read as
// the container has them, not as the helper does. Null (the caller reads the archive) for a folder
// inside a mount or a kernel folder, an image without `sh`/`stat`, or too many changes in it.
import type Docker from 'dockerode';
import type { FileEntry } from '../../api/contract.files';
import { parentOf, resolveLink } from '../../api/rules/file-paths';
import { readFailure } from '../errors';
import { runHelper } from './file-helper-run';
import { LIST_SCRIPT, listedLinkTargets, parseStatLines } from './file-list';
import { statPath } from './file-stat';

/** Paths each container gets from the engine (not from its image), stat'ed on the container itself. */
const PER_CONTAINER = [
  '/.dockerenv',
  '/dev',
  '/proc',
  '/sys',
  '/etc',
  '/etc/hosts',
  '/etc/hostname',
  '/etc/resolv.conf',
  '/etc/mtab',
];
/** Folders whose content is the engine's, not the image's: read from the archive (small there). */
const KERNEL_DIRS = ['/dev', '/proc', '/sys'];
/** More direct changes than this in one folder: the archive is read instead. */
const MAX_CHANGES = 256;
const CACHE_SIZE = 64;

// The running listing's script, then each link's target on stderr (NUL-separated pairs).
const IMAGE_LIST_SCRIPT = LIST_SCRIPT.replace(
  /; exit 0$/,
  `; command -v readlink >/dev/null && for f in * .[!.]* ..?*; do [ -L "$f" ] && printf '%s\\0%s\\0' "$f" "$(readlink -- "$f")" >&2; done; exit 0`,
);

const imageListings = new Map<string, FileEntry[]>();

const under = (path: string, dir: string): boolean => path === dir || path.startsWith(dir === '/' ? '/' : `${dir}/`);
const nameIn = (path: string): string => path.slice(path.lastIndexOf('/') + 1);

export interface StoppedContainer {
  id: string;
  /** The image id ("sha256:..."). */
  image: string;
  /** Where the container's volumes and binds are mounted. */
  mounts: string[];
}

/** The folder as the image has it (cached), or null when the image has no `sh`/`stat`. */
async function imageListing(docker: Docker, image: string, dir: string): Promise<FileEntry[] | null> {
  const key = `${image}\n${dir}`;
  const hit = imageListings.get(key);
  if (hit) return hit;
  const r = await runHelper(docker, { image, script: IMAGE_LIST_SCRIPT, args: [dir] });
  // Exit 3: no such folder in the image (the container made it): every entry is in its diff.
  if (r.exitCode !== 0 && r.exitCode !== 3) return null;
  const entries = r.exitCode === 3 ? [] : parseStatLines(r.stdout.toString('utf8'));
  // Link targets as `name\0target\0` on stderr, shown resolved like HEAD's (the running listing's).
  const parts = r.stderr.split('\0');
  const links = new Map<string, string>();
  for (let i = 0; i + 1 < parts.length; i += 2) links.set(parts[i] as string, parts[i + 1] as string);
  for (const e of entries) {
    const target = e.kind === 'link' ? links.get(e.name) : undefined;
    if (target) e.linkTarget = resolveLink(dir, target);
  }
  if (imageListings.size >= CACHE_SIZE) imageListings.delete(imageListings.keys().next().value as string);
  imageListings.set(key, entries);
  return entries;
}

export interface EngineChange {
  Path: string;
  /** 0 changed, 1 added, 2 deleted. */
  Kind: number;
}

/** `GET /containers/{id}/changes`; dockerode hands a JSON `null` (no change yet) back as a Buffer. */
export async function containerChanges(docker: Docker, id: string): Promise<EngineChange[]> {
  const raw = (await docker.getContainer(id).changes()) as unknown;
  const value = Buffer.isBuffer(raw) ? JSON.parse(raw.toString('utf8') || 'null') : raw;
  return Array.isArray(value) ? (value as EngineChange[]) : [];
}

export async function listStoppedByImage(
  docker: Docker,
  c: StoppedContainer,
  dir: string,
): Promise<FileEntry[] | null> {
  if (KERNEL_DIRS.some((k) => under(dir, k))) return null;
  if (c.mounts.some((m) => under(dir, m))) return null;
  const [base, changes] = await Promise.all([
    imageListing(docker, c.image, dir).catch((e: unknown) => {
      // An image the helper cannot start from (no sh, removed): the archive will do.
      if (/no such image|executable file not found/i.test(readFailure(e).message)) return null;
      throw e;
    }),
    containerChanges(docker, c.id),
  ]);
  if (!base) return null;
  const here = changes.filter((ch) => ch.Path !== dir && parentOf(ch.Path) === dir);
  if (here.length > MAX_CHANGES) return null;
  const byName = new Map(base.map((e) => [e.name, { ...e }]));
  const restat = new Set<string>();
  for (const ch of here) {
    if (ch.Kind === 2) byName.delete(nameIn(ch.Path));
    else restat.add(ch.Path);
  }
  for (const p of [...PER_CONTAINER, ...c.mounts]) if (p !== dir && parentOf(p) === dir) restat.add(p);
  await Promise.all(
    [...restat].map(async (p) => {
      const s = await statPath(docker, c.id, p).catch((e: unknown) => {
        if (readFailure(e).status === 404) return null;
        throw e;
      });
      if (s) byName.set(nameIn(p), { ...s, name: nameIn(p) });
      else byName.delete(nameIn(p));
    }),
  );
  const entries = [...byName.values()];
  await listedLinkTargets(docker, c.id, dir, entries);
  return entries;
}
