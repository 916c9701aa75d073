// Fetches the Docker Compose binary the installer for one platform carries, by
// packaging/compose-resources.json, with its sha256 checked:
// `npm run compose-resources -- mac-arm64` (then `npm run dist`). Writes under vendor/ (git-ignored).
import { join } from 'node:path';
import { fetchCompose, loadComposeResources } from './compose-resources';
import { REPO_ROOT } from './electron-builder-config';

async function main(
  target = `${process.platform === 'darwin' ? 'mac' : process.platform === 'win32' ? 'win' : 'linux'}-${process.arch}`,
) {
  const r = loadComposeResources();
  console.log(`Docker Compose ${r.version} -> ${await fetchCompose(r, target, join(REPO_ROOT, 'vendor'))}`);
}

main(process.argv[2]).catch((e: Error) => {
  console.error(`fetch-compose-resources: ${e.message}`);
  process.exit(1);
});
