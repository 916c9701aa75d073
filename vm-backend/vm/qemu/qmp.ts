// A minimal QMP client: one connection per command (the VM is asked rarely: status, powerdown).
import { createConnection } from 'node:net';

export interface QmpReply {
  return?: unknown;
  error?: { class: string; desc: string };
}

/** Runs one QMP command on the socket; rejects when the socket does not answer within `timeoutMs`. */
export function qmpCommand(
  socket: string,
  execute: string,
  args?: Record<string, unknown>,
  timeoutMs = 3000,
): Promise<QmpReply> {
  return new Promise((resolve, reject) => {
    const conn = createConnection(socket);
    let buf = '';
    let step: 'greeting' | 'caps' | 'cmd' = 'greeting';
    const timer = setTimeout(() => finish(new Error(`QMP ${execute}: no answer within ${timeoutMs} ms`)), timeoutMs);
    const finish = (err: Error | null, reply?: QmpReply): void => {
      clearTimeout(timer);
      conn.destroy();
      if (err) reject(err);
      else resolve(reply as QmpReply);
    };
    conn.on('error', (e) => finish(e));
    conn.on('data', (d) => {
      buf += d.toString('utf8');
      let nl: number;
      while ((nl = buf.indexOf('\n')) >= 0) {
        const line = buf.slice(0, nl).trim();
        buf = buf.slice(nl + 1);
        if (!line) continue;
        let msg: Record<string, unknown>;
        try {
          msg = JSON.parse(line) as Record<string, unknown>;
        } catch {
          return finish(new Error(`QMP: not JSON: ${line.slice(0, 80)}`));
        }
        if ('event' in msg) continue;
        if (step === 'greeting' && 'QMP' in msg) {
          step = 'caps';
          conn.write('{"execute":"qmp_capabilities"}\n');
        } else if (step === 'caps') {
          step = 'cmd';
          conn.write(`${JSON.stringify({ execute, ...(args ? { arguments: args } : {}) })}\n`);
        } else if (step === 'cmd') {
          return finish(null, msg as QmpReply);
        }
      }
    });
  });
}
