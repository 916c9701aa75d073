// Which ports are taken, read without any image: on the engine's host (this computer's /proc/net
// for the local socket, `cat /proc/net/...` over the SSH link for SSH engines and the VM), and,
// for remote engines, on this computer too, where Wharf forwards their published ports.
import { readFile } from 'node:fs/promises';
import type { HostListener } from '../../api/rules/run-ports';
import type { Connection } from '../../connection/connection';
import { parseProcNet } from './run-proc-net';

export const PROC_NET_FILES = ['/proc/net/tcp', '/proc/net/tcp6', '/proc/net/udp', '/proc/net/udp6'];
/** What a host runs to print its sockets: missing tables (no IPv6) are skipped, not fatal. */
export const PROC_NET_COMMAND = `cat ${PROC_NET_FILES.join(' ')} 2>/dev/null`;

/** This computer's socket tables as `cat` prints them, or null where there is no /proc (macOS, Windows). */
export async function procNetHere(files: readonly string[] = PROC_NET_FILES): Promise<string | null> {
  const parts = await Promise.all(files.map((f) => readFile(f, 'utf8').catch(() => '')));
  const text = parts.join('');
  return text.includes('local_address') ? text : null;
}

/** The engine host's listeners without a helper container, or null when that cannot be done here. */
export async function engineHostListeners(
  conn: Connection,
): Promise<{ listeners: HostListener[]; via: 'this-computer' | 'ssh' } | null> {
  if (conn.engineHostIsHere) {
    const text = await procNetHere();
    return text ? { listeners: parseProcNet(text), via: 'this-computer' } : null;
  }
  if (conn.hostCommand) {
    const text = await conn.hostCommand(PROC_NET_COMMAND, 5000).catch(() => '');
    return text.includes('local_address') ? { listeners: parseProcNet(text), via: 'ssh' } : null;
  }
  return null;
}

/** The addresses whose holder stops a forward from listening: its own two, and the wildcards.
 *  (127.0.0.2:P does not: Linux lets 127.0.0.1:P be bound beside it.) */
const BLOCKS_FORWARD = new Set(['127.0.0.1', '::1', '0.0.0.0', '::']);

/**
 * Programs on this computer that hold a port Wharf would forward to (it listens on 127.0.0.1 and
 * [::1]): TCP listeners on a loopback or wildcard address, marked `here`. Null where there is no
 * /proc to read.
 */
export async function forwardBlockersHere(): Promise<HostListener[] | null> {
  const text = await procNetHere(PROC_NET_FILES.slice(0, 2));
  if (!text) return null;
  return parseProcNet(text)
    .filter((l) => l.protocol === 'tcp' && BLOCKS_FORWARD.has(l.ip))
    .map((l) => ({ ...l, here: true }));
}
