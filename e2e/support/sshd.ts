import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The test sshd (scripts/setup/start-sshd.sh writes its env file; global setup loads it). */
export function sshdEnvFile(): string {
  return join(process.env.WHARF_TEST_SSHD_DIR ?? '/tmp/wharf-test-sshd', 'env');
}

export function loadSshdEnv(): void {
  for (const line of readFileSync(sshdEnvFile(), 'utf8').split('\n')) {
    const i = line.indexOf('=');
    if (i > 0) process.env[line.slice(0, i)] = line.slice(i + 1);
  }
}

export interface SshEngine {
  target: string;
  identity: string;
  port: number;
  pidFile: string;
  hostKeyPub: string;
}

export function sshEngine(): SshEngine {
  if (!process.env.WHARF_TEST_SSH_TARGET) loadSshdEnv();
  const e = process.env;
  if (!e.WHARF_TEST_SSH_TARGET || !e.WHARF_TEST_SSH_IDENTITY)
    throw new Error(`no test sshd: run scripts/setup/start-sshd.sh (${sshdEnvFile()})`);
  return {
    target: e.WHARF_TEST_SSH_TARGET,
    identity: e.WHARF_TEST_SSH_IDENTITY,
    port: Number(e.WHARF_TEST_SSH_PORT),
    pidFile: e.WHARF_TEST_SSHD_PID_FILE ?? '',
    hostKeyPub: e.WHARF_TEST_SSHD_HOST_KEY ?? '',
  };
}

/**
 * A fresh Wharf data folder. `pinned`: the host key already in its known_hosts, as for a user
 * who connected before; `key`: pin this (wrong) key instead, as after a host key change.
 */
export function sshDataDir(opts: { pinned?: boolean; key?: string } = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'wharf-e2e-data-'));
  const ssh = sshEngine();
  if (opts.pinned || opts.key) {
    mkdirSync(join(dir, 'ssh'), { recursive: true, mode: 0o700 });
    const [type, blob] = (opts.key ?? readFileSync(ssh.hostKeyPub, 'utf8')).trim().split(/\s+/);
    writeFileSync(join(dir, 'ssh', 'known_hosts'), `[127.0.0.1]:${ssh.port} ${type} ${blob}\n`, { mode: 0o600 });
  }
  return dir;
}

/** `wharf web` arguments and env for the SSH engine. */
export function sshWharfOptions(opts: { pinned?: boolean; key?: string } = { pinned: true }): {
  args: string[];
  env: Record<string, string>;
} {
  const ssh = sshEngine();
  const dir = sshDataDir(opts);
  // Wharf registers a docker context for the SSH engine: keep it out of the machine's ~/.docker.
  return {
    args: ['--engine', ssh.target, '--identity', ssh.identity],
    env: { WHARF_DATA_DIR: dir, DOCKER_CONFIG: join(dir, 'docker-config') },
  };
}

/** Pids of the sshd children that serve connections (killing one cuts that SSH connection). */
export function sshdChildren(): number[] {
  const parent = readFileSync(sshEngine().pidFile, 'utf8').trim();
  try {
    return execFileSync('pgrep', ['-P', parent], { encoding: 'utf8' }).split('\n').filter(Boolean).map(Number);
  } catch {
    return [];
  }
}
