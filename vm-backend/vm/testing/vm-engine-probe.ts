// For the real-VM tests: the `vm` engine as the backend holds it (vmConnection, an engine session,
// the host Docker socket), and the two things a user tries while the VM is down: a forwarded port
// and `docker ps` on the host socket, each with how it ended and how long it took.
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ContainerRow } from '../../api/types';
import { type HostSocket, startHostSocket } from '../../connection/ssh/host-socket';
import type { SshConnection } from '../../connection/ssh/ssh-connection';
import { EngineSession } from '../../engine/session';
import { vmConnection } from '../guest/vm-connection';
import type { VmManager } from '../lifecycle/vm-manager';

export interface VmEngineProbe {
  conn: SshConnection;
  session: EngineSession;
  sock: HostSocket;
  rows: Map<string, ContainerRow>;
  close(): Promise<void>;
}

export async function vmEngineProbe(vm: VmManager): Promise<VmEngineProbe> {
  const conn = vmConnection(vm);
  const rows = new Map<string, ContainerRow>();
  const session = new EngineSession(conn, {
    state: () => {},
    containers: (c) => {
      if (c.kind === 'reset') rows.clear();
      for (const r of c.kind === 'reset' ? c.rows : c.upserts) rows.set(r.id, r);
      if (c.kind === 'patch') for (const id of c.removed) rows.delete(id);
    },
    images: () => {},
  });
  await session.start();
  const sock = await startHostSocket(conn.link, conn.target, mkdtempSync(join(tmpdir(), 'wharf-vmsock-')), {
    context: false,
    refuse: () => conn.linkEvents?.down?.() ?? null,
  });
  return {
    conn,
    session,
    sock,
    rows,
    close: async () => {
      await sock.close();
      await session.close();
    },
  };
}

/** How a TCP connect to 127.0.0.1:port ends ('connected', 'ECONNREFUSED', 'TIMEOUT'), and when. */
export function dial(port: number, timeoutMs = 30_000): Promise<{ result: string; ms: number }> {
  return new Promise((ok) => {
    const t0 = Date.now();
    const s = connect(port, '127.0.0.1');
    s.setTimeout(timeoutMs, () => s.destroy(Object.assign(new Error('timeout'), { code: 'TIMEOUT' })));
    s.once('connect', () => {
      s.destroy();
      ok({ result: 'connected', ms: Date.now() - t0 });
    });
    s.once('error', (e: NodeJS.ErrnoException) => ok({ result: e.code ?? 'error', ms: Date.now() - t0 }));
  });
}

/** The real docker CLI on the host socket: exit code, stderr, and how long it took. */
export function dockerPs(sockPath: string): Promise<{ code: number | null; err: string; ms: number }> {
  return new Promise((ok) => {
    const t0 = Date.now();
    const env: NodeJS.ProcessEnv = { ...process.env, DOCKER_CONFIG: mkdtempSync(join(tmpdir(), 'wharf-dcfg-')) };
    delete env.DOCKER_HOST;
    const p = spawn('docker', ['-H', `unix://${sockPath}`, 'ps'], { env });
    let err = '';
    p.stdout.resume();
    p.stderr.on('data', (b: Buffer) => (err += b.toString()));
    const kill = setTimeout(() => p.kill(), 90_000);
    p.on('close', (code) => {
      clearTimeout(kill);
      ok({ code, err, ms: Date.now() - t0 });
    });
  });
}
