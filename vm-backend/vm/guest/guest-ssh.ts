// The guest over the shared ssh2 connection (vm-backend/connection/ssh): one client, host key
// pinned from the serial console (known_hosts in the VM folder), commands and /_ping as channels.
import { request } from 'node:http';
import { hasCode } from '../../api/errors';
import { sshConnection, type SshConnection } from '../../connection/ssh/ssh-connection';
import type { VmFiles } from '../vm-files';

export function guestConnection(files: VmFiles, sshPort: number): SshConnection {
  return sshConnection({
    target: { user: 'root', host: '127.0.0.1', port: sshPort },
    identity: files.key,
    dataDir: files.dir,
    keepaliveIntervalMs: 5000,
    readyTimeoutMs: 8000,
  });
}

/** The guest's answer to `cmd`, or null when the link is not up (yet). Host-key refusals throw. */
export async function guestRun(conn: SshConnection, cmd: string, timeoutMs = 8000): Promise<string | null> {
  try {
    await conn.link.ready(timeoutMs);
    return await conn.link.exec(cmd, timeoutMs);
  } catch (e) {
    if (hasCode(e, 'SSH_HOST_KEY_CHANGED') || hasCode(conn.link.error, 'SSH_HOST_KEY_CHANGED')) throw e;
    return null;
  }
}

/** GET /_ping on the guest's Docker socket through a channel. */
export function enginePing(conn: SshConnection, timeoutMs = 5000): Promise<boolean> {
  return new Promise((resolve) => {
    const req = request({ ...conn.httpOptions(), path: '/_ping', method: 'GET', timeout: timeoutMs }, (res) => {
      let body = '';
      res.on('data', (d: Buffer) => (body += d.toString()));
      res.on('end', () => resolve(res.statusCode === 200 && body.trim() === 'OK'));
      res.on('error', () => resolve(false));
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', () => resolve(false));
    req.end();
  });
}
