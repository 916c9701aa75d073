/** One SSH engine target: `ssh://user@host:port`. */
export interface SshTarget {
  user: string;
  host: string;
  port: number;
}

export class SshTargetError extends Error {}

const USER = /^[A-Za-z0-9._][A-Za-z0-9._-]{0,63}$/;
const HOST = /^[A-Za-z0-9.-]{1,253}$|^\[[0-9A-Fa-f:.]+\]$/;

/** Parses `ssh://user@host[:port]` (the user is required: Wharf never guesses it). */
export function parseSshTarget(spec: string): SshTarget {
  const m = /^ssh:\/\/([^@/]+)@([^/?#]+?)(?::(\d{1,5}))?\/?$/.exec(spec.trim());
  if (!m) throw new SshTargetError(`an SSH engine is written ssh://user@host[:port], got "${spec}"`);
  const [, user = '', rawHost = '', rawPort] = m;
  if (!USER.test(user)) throw new SshTargetError(`not a valid user name: "${user}"`);
  if (!HOST.test(rawHost)) throw new SshTargetError(`not a valid host: "${rawHost}"`);
  const port = rawPort === undefined ? 22 : Number(rawPort);
  if (!(port >= 1 && port <= 65535)) throw new SshTargetError(`the port must be 1-65535, got ${rawPort}`);
  return { user, host: rawHost.replace(/^\[|\]$/g, ''), port };
}

/** `ssh://user@host:port`, IPv6 hosts in brackets. */
export function formatSshTarget(t: SshTarget): string {
  const host = t.host.includes(':') ? `[${t.host}]` : t.host;
  return `ssh://${t.user}@${host}:${t.port}`;
}

/** The name OpenSSH's known_hosts uses for this host: `host` on port 22, else `[host]:port`. */
export function knownHostsName(t: Pick<SshTarget, 'host' | 'port'>): string {
  return t.port === 22 ? t.host : `[${t.host}]:${t.port}`;
}

/** A file-name-safe id for per-target files (`user@host_port`). */
export function targetId(t: SshTarget): string {
  return `${t.user}@${t.host}_${t.port}`.replace(/[^A-Za-z0-9@._-]/g, '_');
}
