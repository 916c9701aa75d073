// The Docker Compose binary an installer carries (packaging/compose-resources.json): one standalone
// v2 build per platform, fetched by URL and kept only when its sha256 is the pinned one, laid out
// where electron-builder.yml's extraResources takes it:
//   vendor/compose/<os>-<arch>/docker-compose[.exe] -> <resources>/compose/ (compose-find.ts looks there first)
import { chmodSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { REPO_ROOT } from './electron-builder-config';
import { fetchVerified } from './vm-resources';

const schema = z.object({
  format: z.literal(1),
  version: z.string().regex(/^\d+\.\d+\.\d+$/),
  note: z.string().optional(),
  /** Keyed like electron-builder's ${os}-${arch}: mac-arm64, win-x64, linux-x64... */
  builds: z.record(
    z.string().regex(/^(mac|win|linux)-(x64|arm64)$/),
    z.object({
      url: z.url(),
      sha256: z
        .string()
        .regex(/^[0-9a-f]{64}$/, '64 lowercase hex digits')
        .nullable(),
    }),
  ),
});
export type ComposeResources = z.infer<typeof schema>;

export const COMPOSE_MANIFEST = join(REPO_ROOT, 'packaging', 'compose-resources.json');

export function loadComposeResources(file = COMPOSE_MANIFEST): ComposeResources {
  const r = schema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!r.success)
    throw new Error(`${file}: ${r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return r.data;
}

/** The binary's name inside the app, as compose-find.ts looks for it. */
export const composeBinaryName = (target: string): string =>
  target.startsWith('win-') ? 'docker-compose.exe' : 'docker-compose';

/** Fetches the build for `target` into `<vendor>/compose/<target>/`, checked, executable. */
export async function fetchCompose(r: ComposeResources, target: string, vendor: string): Promise<string> {
  const build = r.builds[target];
  if (!build) throw new Error(`packaging/compose-resources.json has no Docker Compose build for ${target}`);
  const dir = join(vendor, 'compose', target);
  rmSync(dir, { recursive: true, force: true });
  const dest = join(dir, composeBinaryName(target));
  await fetchVerified(build.url, build.sha256, dest);
  chmodSync(dest, 0o755);
  return dest;
}
