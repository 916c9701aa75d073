// The test sshd that scripts/setup/start-sshd.sh runs, read from its env file (tests only).
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readlinkSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseSshTarget, type SshTarget } from './target';

export interface TestSshd {
  spec: string;
  target: SshTarget;
  identity: string;
  pidFile: string;
  hostKeyPub: string;
  /** Bad-input users (created when the setup runs as root): not in the docker group; a chatty shell. */
  noDockerUser?: string;
  bannerUser?: string;
}

/** Starts (or reuses) the test sshd and returns where it is. */
export function testSshd(): TestSshd {
  const dir = process.env.WHARF_TEST_SSHD_DIR ?? '/tmp/wharf-test-sshd';
  const root = join(__dirname, '../../..');
  execFileSync('bash', [join(root, 'scripts/setup/start-sshd.sh')], { stdio: 'ignore' });
  const file = join(dir, 'env');
  if (!existsSync(file)) throw new Error(`start-sshd.sh wrote no ${file}`);
  const env = Object.fromEntries(
    readFileSync(file, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
  );
  const spec = env.WHARF_TEST_SSH_TARGET ?? '';
  return {
    spec,
    target: parseSshTarget(spec),
    identity: env.WHARF_TEST_SSH_IDENTITY ?? '',
    pidFile: env.WHARF_TEST_SSHD_PID_FILE ?? '',
    hostKeyPub: env.WHARF_TEST_SSHD_HOST_KEY ?? '',
    ...(env.WHARF_TEST_SSH_NODOCKER_USER ? { noDockerUser: env.WHARF_TEST_SSH_NODOCKER_USER } : {}),
    ...(env.WHARF_TEST_SSH_BANNER_USER ? { bannerUser: env.WHARF_TEST_SSH_BANNER_USER } : {}),
  };
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

function descendants(pid: number): number[] {
  let kids: number[] = [];
  try {
    kids = execFileSync('pgrep', ['-P', String(pid)], { encoding: 'utf8' })
      .split('\n')
      .filter(Boolean)
      .map(Number);
  } catch {
    // No children.
  }
  return [pid, ...kids.flatMap(descendants)];
}

/**
 * Open sockets of the sshd processes serving the SSH connection that has local port `localPort`
 * on this side: the TCP connection itself plus one per channel to the Docker socket or a TCP
 * forward (what the host really holds open for Wharf, counted from /proc).
 */
export function sshdSocketsFor(localPort: number): number {
  const ss = execFileSync('ss', ['-Htnp', 'state', 'established', `( dport = :${localPort} )`], { encoding: 'utf8' });
  const pids = [...new Set([...ss.matchAll(/pid=(\d+)/g)].map((m) => Number(m[1])))].flatMap(descendants);
  if (!pids.length) throw new Error(`no sshd serves the connection from local port ${localPort}`);
  let n = 0;
  for (const pid of new Set(pids)) {
    for (const fd of readdirSync(`/proc/${pid}/fd`)) {
      try {
        if (readlinkSync(`/proc/${pid}/fd/${fd}`).startsWith('socket:')) n++;
      } catch {
        // Closed meanwhile.
      }
    }
  }
  return n;
}
