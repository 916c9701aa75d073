import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { cliPath, outDir } from './out-dir';
import { loadSshdEnv } from './sshd';

/** Once per Playwright run: the built app and the fixture images must exist. */
export default function globalSetup(): void {
  const root = resolve(__dirname, '../..');
  if (!existsSync(cliPath()) || !existsSync(resolve(outDir(), 'renderer/index.html'))) {
    execFileSync('npx', ['electron-vite', 'build'], { cwd: root, stdio: 'inherit' });
  }
  execFileSync('bash', [resolve(root, 'scripts/setup/start-dockerd.sh')], { stdio: 'inherit' });
  execFileSync('bash', [resolve(root, 'scripts/setup/build-fixtures.sh')], { stdio: 'inherit' });
  // The SSH engine (project web-ssh): a real sshd in front of the same dockerd; workers inherit its env.
  // Without it only the web-ssh tests fail (their fixture says why); the web project still runs.
  try {
    execFileSync('bash', [resolve(root, 'scripts/setup/start-sshd.sh')], { stdio: 'inherit' });
    loadSshdEnv();
  } catch (err) {
    console.error(`global setup: no test sshd (${(err as Error).message}); the web-ssh project will fail`);
  }
  execFileSync('bash', [resolve(root, 'scripts/setup/start-registry.sh')], { stdio: 'inherit' });
}
