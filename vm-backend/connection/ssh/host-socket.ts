// The host's own Docker socket for a remote engine: a unix socket (0600, in a 0700 folder of
// Wharf's data dir; a named pipe on Windows) whose every connection is a channel to the remote
// /var/run/docker.sock, and a `docker context` (wharf-<target>, docker-context.ts) pointing at it,
// so the user's docker CLI sees the same engine.
import { chmodSync, existsSync, mkdirSync, unlinkSync } from 'node:fs';
import { createServer as createHttpServer, type Server as HttpServer } from 'node:http';
import { createConnection, createServer, type Server, type Socket } from 'node:net';
import type { WharfErrorShape } from '../../api/types';
import { dirname, join } from 'node:path';
import { contextName, pruneContexts, registerContext } from './docker-context';
import { splice } from './splice';
import type { SshLink } from './ssh-link';
import type { SshTarget } from './target';

export { contextName } from './docker-context';

export interface HostSocket {
  path: string;
  /** The docker endpoint (unix:///... or npipe:////./pipe/...). */
  endpoint?: string;
  /** The docker context name, or null when the docker CLI is not installed. */
  context: string | null;
  /** Connections being served now (leak checks). */
  active(): number;
  close(): Promise<void>;
}

export interface HostSocketPlace {
  /** What the server listens on: a unix socket file, or a Windows named pipe. */
  path: string;
  /** The docker endpoint for it: unix:///... or npipe:////./pipe/... */
  endpoint: string;
  /** A named pipe vanishes with its server: no folder, no mode, no stale file to clean up. */
  pipe: boolean;
}

/**
 * Where the host socket for `name` (a context name, wharf-...) lives: `<data>/sock/<...>.sock` on
 * Linux and macOS; on Windows a named pipe `\\.\pipe\wharf-...-docker`, as Docker Desktop
 * serves `docker_engine`, that the docker CLI reaches as `npipe:////./pipe/wharf-...-docker`.
 */
export function hostSocketPlace(platform: NodeJS.Platform, dataDir: string, name: string): HostSocketPlace {
  if (platform === 'win32') {
    const pipe = `${name}-docker`;
    return { path: `\\\\.\\pipe\\${pipe}`, endpoint: `npipe:////./pipe/${pipe}`, pipe: true };
  }
  const path = join(dataDir, 'sock', `${name.slice('wharf-'.length)}.sock`);
  return { path, endpoint: `unix://${path}`, pipe: false };
}

/** A socket file left by a crashed Wharf answers nothing: remove it. One that answers is in use. */
async function clearStale(path: string): Promise<void> {
  if (!existsSync(path)) return;
  const alive = await new Promise<boolean>((ok) => {
    const s = createConnection(path);
    s.once('connect', () => (s.destroy(), ok(true)));
    s.once('error', () => ok(false));
  });
  if (alive)
    throw Object.assign(new Error(`${path} is served by another process (another Wharf?)`), { code: 'EADDRINUSE' });
  unlinkSync(path);
}

function pipeToEngine(link: SshLink, sock: Socket, live: Set<Socket>): void {
  live.add(sock);
  sock.once('close', () => live.delete(sock));
  splice(sock, link.openDockerSocket());
}

/**
 * Answers every request on a connection with 503 and the reason as Docker's own error body
 * ({"message": ...}), which the docker CLI prints ("Error response from daemon: ..."), then closes.
 */
function refuser(why: () => WharfErrorShape | null): HttpServer {
  return createHttpServer((req, res) => {
    const e = why();
    const body = JSON.stringify({
      message: e ? `${e.message} ${e.hint}` : 'The engine cannot be reached right now.',
    });
    req.resume();
    res.writeHead(503, {
      'Content-Type': 'application/json',
      'Content-Length': Buffer.byteLength(body),
      Connection: 'close',
    });
    res.end(req.method === 'HEAD' ? undefined : body);
  });
}

export interface HostSocketOptions {
  /** While this says why (the VM is down), requests get 503 with it at once instead of waiting. */
  refuse?: () => WharfErrorShape | null;
  /** false: no docker context (tests); default true. */
  context?: boolean;
  platform?: NodeJS.Platform;
  /** The Wharf target's name: the context is wharf-<name> (see contextName). */
  targetName?: string;
}

export async function startHostSocket(
  link: SshLink,
  target: SshTarget,
  dataDir: string,
  opts: HostSocketOptions = {},
): Promise<HostSocket> {
  const name = contextName(target, opts.targetName);
  const place = hostSocketPlace(opts.platform ?? process.platform, dataDir, name);
  const { path } = place;
  if (!place.pipe) {
    const dir = dirname(path);
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    chmodSync(dir, 0o700);
    await clearStale(path);
  }
  const live = new Set<Socket>();
  const refuse = opts.refuse;
  const refusing = refuse ? refuser(refuse) : null;
  const server: Server = createServer({ allowHalfOpen: true, pauseOnConnect: true, highWaterMark: 1 << 20 }, (s) => {
    if (!refuse?.() || !refusing) return pipeToEngine(link, s, live);
    live.add(s);
    s.once('close', () => live.delete(s));
    refusing.emit('connection', s);
    s.resume();
  });
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(path, () => ok());
  });
  if (!place.pipe) chmodSync(path, 0o600);
  const context = opts.context === false ? null : await registerContext(name, place.endpoint, target).catch(() => null);
  if (context) await pruneContexts(dataDir, context);
  return {
    path,
    endpoint: place.endpoint,
    context,
    active: () => live.size,
    close: () =>
      new Promise<void>((ok) => {
        server.close(() => ok());
        for (const s of live) s.destroy();
        if (place.pipe) return;
        try {
          unlinkSync(path);
        } catch {
          // Already gone.
        }
      }),
  };
}
