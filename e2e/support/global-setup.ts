import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

/** Once per Playwright run: the built app and the fixture images must exist. */
export default function globalSetup(): void {
  const root = resolve(__dirname, '../..');
  if (!existsSync(resolve(root, 'out/main/cli.js')) || !existsSync(resolve(root, 'out/renderer/index.html'))) {
    execFileSync('npx', ['electron-vite', 'build'], { cwd: root, stdio: 'inherit' });
  }
  execFileSync('bash', [resolve(root, 'scripts/setup/start-dockerd.sh')], { stdio: 'inherit' });
  execFileSync('bash', [resolve(root, 'scripts/setup/build-fixtures.sh')], { stdio: 'inherit' });
  execFileSync('bash', [resolve(root, 'scripts/setup/start-registry.sh')], { stdio: 'inherit' });
}
