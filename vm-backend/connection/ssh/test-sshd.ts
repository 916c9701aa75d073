// The test sshd that scripts/setup/start-sshd.sh runs, read from its env file (tests only).
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseSshTarget, type SshTarget } from './target';

export interface TestSshd {
  spec: string;
  target: SshTarget;
  identity: string;
  pidFile: string;
  hostKeyPub: string;
}

/** Starts (or reuses) the test sshd and returns where it is. */
export function testSshd(): TestSshd {
  const dir = process.env.WHARF_TEST_SSHD_DIR ?? '/tmp/wharf-test-sshd';
  const root = join(__dirname, '../../..');
  execFileSync('bash', [join(root, 'scripts/setup/start-sshd.sh')], { stdio: 'ignore' });
  const file = join(dir, 'env');
  if (!existsSync(file)) throw new Error(`start-sshd.sh wrote no ${file}`);
  const env = Object.fromEntries(readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]));
  const spec = env.WHARF_TEST_SSH_TARGET ?? '';
  return { spec, target: parseSshTarget(spec), identity: env.WHARF_TEST_SSH_IDENTITY ?? '', pidFile: env.WHARF_TEST_SSHD_PID_FILE ?? '', hostKeyPub: env.WHARF_TEST_SSHD_HOST_KEY ?? '' };
}

/** Pids of the sshd children serving connections (not the listener), as `pgrep -P` sees them. */
export function sshdChildren(pidFile: string): number[] {
  const parent = readFileSync(pidFile, 'utf8').trim();
  try {
    return execFileSync('pgrep', ['-P', parent], { encoding: 'utf8' }).split('\n').filter(Boolean).map(Number);
  } catch {
    return [];
  }
}
