// Test support: a dockerd of the test's own (its own data and exec roots, pid file, socket,
// managed containerd and bridge; no iptables), so a test can SIGKILL and restart an engine without
// touching the shared one other tests use. Needs root, as the shared one does.
// Never `--bridge=none`: dockerd 20.10 then deletes the host's docker0 at start-up
// (removeDefaultBridgeInterface), which breaks the shared engine's networking.
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { openSync, closeSync, mkdtempSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface PrivateDockerd {
  /** `unix://<dir>/docker.sock`, for DOCKER_HOST or `docker -H`. */
  host: string;
  socket: string;
  /** Runs the docker CLI against this engine. */
  docker(...args: string[]): Promise<string>;
  /** SIGKILLs dockerd (its managed containerd goes with it; container shims stay, as in a crash). */
  kill(): Promise<void>;
  /** Starts dockerd again on the same folders; resolves when `/_ping` answers, with that time. */
  start(): Promise<number>;
  /** Stops everything it started and removes its folders, whatever state it is in. */
  stop(): Promise<void>;
}

/** `/_ping` on the socket: true when the engine answers 200. */
export function pingSocket(socketPath: string, timeoutMs = 500): Promise<boolean> {
  return new Promise((resolve) => {
    const req = request({ socketPath, path: '/_ping', timeout: timeoutMs }, (res) => {
      res.resume();
      resolve(res.statusCode === 200);
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(false));
    req.end();
  });
}

export async function startPrivateDockerd(): Promise<PrivateDockerd> {
  // Short: the managed containerd's socket lives under exec-root and unix paths stop at 108 bytes.
  const dir = mkdtempSync('/tmp/wdk-');
  const socket = join(dir, 'docker.sock');
  const pidfile = join(dir, 'docker.pid');
  const config = join(dir, 'daemon.json');
  // A bridge of its own, named and addressed apart from docker0 and anything routed here.
  const bridge = `wdk${dir
    .slice(-6)
    .toLowerCase()
    .replace(/[^a-z0-9]/g, 'x')}`;
  const routes = (await run('ip', ['-4', 'route'])).stdout;
  let net = '';
  for (let i = 0; i < 50 && !net; i++) {
    const cand = `10.254.${Math.floor(Math.random() * 254) + 1}`;
    if (!routes.includes(`${cand}.`)) net = cand;
  }
  await run('ip', ['link', 'add', bridge, 'type', 'bridge']);
  await run('ip', ['addr', 'add', `${net}.1/24`, 'dev', bridge]);
  // Its own (empty) config: never the developer's /etc/docker/daemon.json.
  writeFileSync(config, '{}\n');
  const args = [
    '--data-root',
    join(dir, 'data'),
    '--exec-root',
    join(dir, 'exec'),
    '--pidfile',
    pidfile,
    '-H',
    `unix://${socket}`,
    '--config-file',
    config,
    `--bridge=${bridge}`,
    '--iptables=false',
    '--ip-masq=false',
    '--userland-proxy=false',
  ];
  let child: ChildProcess | null = null;
  const logPath = join(dir, 'dockerd.log');

  const pidOf = (file: string): number | null => {
    try {
      const n = Number(readFileSync(file, 'utf8').trim());
      return Number.isInteger(n) && n > 0 ? n : null;
    } catch {
      return null;
    }
  };
  const alive = (pid: number): boolean => {
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  };
  const waitGone = async (pid: number, ms: number): Promise<boolean> => {
    const end = Date.now() + ms;
    while (alive(pid) && Date.now() < end) await new Promise((r) => setTimeout(r, 50));
    return !alive(pid);
  };

  const start = async (): Promise<number> => {
    const fd = openSync(logPath, 'a');
    child = spawn('dockerd', args, { stdio: ['ignore', fd, fd], detached: false });
    closeSync(fd);
    const end = Date.now() + 60_000;
    while (Date.now() < end) {
      if (child.exitCode !== null) break;
      if (await pingSocket(socket, 300)) return Date.now();
      await new Promise((r) => setTimeout(r, 25));
    }
    const log = (() => {
      try {
        return readFileSync(logPath, 'utf8').split('\n').slice(-15).join('\n');
      } catch {
        return '';
      }
    })();
    throw new Error(`private dockerd did not answer within 60 s; its log ends with:\n${log}`);
  };

  const kill = async (): Promise<void> => {
    const pid = child?.pid;
    if (!pid) return;
    process.kill(pid, 'SIGKILL');
    await waitGone(pid, 10_000);
    child = null;
    // dockerd gives its managed containerd PR_SET_PDEATHSIG; make sure it is gone before a restart.
    const cpid = pidOf(join(dir, 'exec', 'containerd', 'containerd.pid'));
    if (cpid && alive(cpid)) {
      process.kill(cpid, 'SIGKILL');
      await waitGone(cpid, 10_000);
    }
  };

  const docker = async (...a: string[]): Promise<string> => {
    const { stdout } = await run('docker', ['-H', `unix://${socket}`, ...a], { maxBuffer: 64 * 1024 * 1024 });
    return stdout.trim();
  };

  const stop = async (): Promise<void> => {
    try {
      if (child?.pid && (await pingSocket(socket))) {
        // Remove what it runs (kills the containers and their shims), then stop it gently.
        const ids = (await docker('ps', '-aq').catch(() => '')).split('\n').filter(Boolean);
        if (ids.length) await docker('rm', '-f', ...ids).catch(() => '');
      }
      const pid = child?.pid;
      if (pid && alive(pid)) {
        process.kill(pid, 'SIGTERM');
        if (!(await waitGone(pid, 15_000))) process.kill(pid, 'SIGKILL');
      }
      const cpid = pidOf(join(dir, 'exec', 'containerd', 'containerd.pid'));
      if (cpid && alive(cpid)) process.kill(cpid, 'SIGKILL');
      // Shims left from a crash (containerd-shim-runc-v2 -namespace moby -address <our socket>).
      const { stdout } = await run('pgrep', ['-f', `containerd-shim.*${dir}`]).catch(() => ({ stdout: '' }));
      for (const p of stdout.split('\n').filter(Boolean)) {
        try {
          process.kill(Number(p), 'SIGKILL');
        } catch {
          // Already gone.
        }
      }
    } finally {
      // Container mounts under data-root (overlay) must go before the folder can.
      await run('sh', ['-c', `grep -o " ${dir}[^ ]*" /proc/mounts | sort -r | xargs -r -n1 umount -l`]).catch(() => {});
      rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
      await run('ip', ['link', 'del', bridge]).catch(() => {});
    }
  };

  try {
    await start();
  } catch (err) {
    await stop();
    throw err;
  }
  return { host: `unix://${socket}`, socket, docker, kill, start, stop };
}
