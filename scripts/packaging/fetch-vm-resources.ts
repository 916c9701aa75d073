// Fetches what the installer for one platform carries, by packaging/vm-resources.json, with sha256
// checks: `npx jiti scripts/packaging/fetch-vm-resources.ts mac-arm64` (then `npm run dist`).
// Writes under vendor/ (git-ignored); electron-builder.yml's extraResources copies it into the app.
import { join } from 'node:path';
import { REPO_ROOT } from './electron-builder-config';
import { fetchImage, fetchQemu, loadVmResources } from './vm-resources';

const GUEST: Record<string, 'x86_64' | 'aarch64'> = { x64: 'x86_64', arm64: 'aarch64' };

async function main(
  target = `${process.platform === 'darwin' ? 'mac' : process.platform === 'win32' ? 'win' : 'linux'}-${process.arch}`,
) {
  const r = loadVmResources();
  const vendor = join(REPO_ROOT, 'vendor');
  const arch = GUEST[target.split('-')[1] ?? ''];
  if (!arch) throw new Error(`unknown target ${target}: use mac-arm64, mac-x64, win-x64, linux-x64 or linux-arm64`);
  // Linux installs QEMU from the distribution; macOS and Windows get it in the app.
  if (!target.startsWith('linux-')) console.log(`QEMU ${r.qemu.version} -> ${await fetchQemu(r, target, vendor)}`);
  console.log(`VM image ${r.image[arch]?.version} -> ${await fetchImage(r, arch, vendor)}`);
}

main(process.argv[2]).catch((e: Error) => {
  console.error(`fetch-vm-resources: ${e.message}`);
  process.exit(1);
});
