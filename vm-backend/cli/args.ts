import { parseSshTarget, SshTargetError } from '../connection/ssh/target';
import { TOKEN_PATTERN } from '../server/security';

export interface WebArgs {
  port: number;
  token: string | null;
  open: boolean;
  /** `local`, or an SSH engine `ssh://user@host:port`. */
  engine: 'local' | 'vm' | `ssh://${string}`;
  /** The private key for an SSH engine (else Wharf's own per-target key). */
  identity?: string;
  /** SSH engines: serve a host Docker socket and register a docker context (default on). */
  dockerSocket: boolean;
}

export class UsageError extends Error {}

function parsePort(v: string | undefined, from: string): number {
  if (v === undefined || !/^\d{1,5}$/.test(v) || Number(v) > 65535)
    throw new UsageError(`${from} must be a port number 0-65535, got "${v ?? ''}"`);
  return Number(v);
}

/** `local` or `ssh://user@host[:port]` (checked here, so a typo fails before anything starts). */
export function parseEngine(e: string | undefined): WebArgs['engine'] {
  if (e === 'local') return 'local';
  if (e === 'vm') return 'vm';
  if (e?.startsWith('ssh://')) {
    try {
      parseSshTarget(e);
    } catch (err) {
      if (err instanceof SshTargetError) throw new UsageError(`--engine: ${err.message}`);
      throw err;
    }
    return e as `ssh://${string}`;
  }
  throw new UsageError(`--engine: "local", "vm" or ssh://user@host:port, got "${e ?? ''}"`);
}

/** `wharf web [--port P] [--token T] [--no-open] [--engine local|ssh://user@host:port] [--identity KEYFILE] [--no-docker-socket]`, with WHARF_WEB_PORT / WHARF_TOKEN. */
export function parseWebArgs(argv: string[], env: NodeJS.ProcessEnv = process.env): WebArgs {
  const out: WebArgs = { port: 0, token: null, open: true, engine: 'local', dockerSocket: true };
  if (env.WHARF_WEB_PORT) out.port = parsePort(env.WHARF_WEB_PORT, 'WHARF_WEB_PORT');
  if (env.WHARF_TOKEN) out.token = env.WHARF_TOKEN;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? '';
    const [flag, inline] =
      a.startsWith('--') && a.includes('=')
        ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)]
        : [a, undefined];
    const value = (): string | undefined => inline ?? argv[++i];
    switch (flag) {
      case '--port':
        out.port = parsePort(value(), '--port');
        break;
      case '--token':
        out.token = value() ?? '';
        break;
      case '--no-open':
        out.open = false;
        break;
      case '--no-docker-socket':
        out.dockerSocket = false;
        break;
      case '--engine':
        out.engine = parseEngine(value());
        break;
      case '--identity': {
        const v = value();
        if (!v) throw new UsageError('--identity needs a private key file');
        out.identity = v;
        break;
      }
      default:
        throw new UsageError(`unknown option: ${a}`);
    }
  }
  if (out.identity && out.engine === 'local')
    throw new UsageError('--identity is for an SSH engine (--engine ssh://user@host:port)');
  if (out.token !== null && !TOKEN_PATTERN.test(out.token)) {
    throw new UsageError('the token must be 16-128 characters of A-Z a-z 0-9 _ -');
  }
  return out;
}
