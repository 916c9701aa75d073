// The commands each Targets action stands for: `wharf context ...`, and the `docker context`
// Wharf registers for an SSH engine (its host socket), so the user can do the same from a shell.
import type { TargetView } from '../../../vm-backend/api/contract.targets';

/** POSIX shell quoting, only when needed. */
export function quote(s: string): string {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}

/** `user@host:port` of an `ssh://` engine; other engines as they are. */
export const addressOf = (engine: string): string => engine.replace(/^ssh:\/\//, '');

/** The name of the docker context Wharf registers for an SSH engine (as host-socket.ts makes it). */
export function dockerContextOf(engine: string): string | null {
  const m = /^ssh:\/\/([^@]+)@(\[[^\]]+\]|[^:]+):(\d+)$/.exec(engine);
  if (!m) return engine === 'local' ? 'default' : null;
  const host = (m[2] ?? '').replace(/^\[|\]$/g, '');
  return `wharf-${m[1]}-${host}-${m[3]}`.replace(/[^a-zA-Z0-9_.+-]/g, '-');
}

export const cli = {
  list: (): string => 'wharf context ls',
  add: (name: string, engine: string, identity?: string): string =>
    `wharf context add ${quote(name)} ${quote(engine)}${identity ? ` --identity ${quote(identity)}` : ''}`,
  use: (t: TargetView): string => {
    const ctx = dockerContextOf(t.engine);
    return `wharf context use ${quote(t.name)}${ctx ? ` && docker context use ${ctx}` : ''}`;
  },
  test: (name: string): string => `wharf context test ${quote(name)}`,
  remove: (name: string): string => `wharf context rm ${quote(name)}`,
};
