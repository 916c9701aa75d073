// The commands each Targets action stands for: `wharf context ...`, and the `docker context`
// Wharf registers for an SSH engine (its host socket), so the user can do the same from a shell.
import type { TargetView } from '../../../vm-backend/api/contract.targets';
import { dockerContextName } from '../../../vm-backend/api/rules/docker-context-name';

/** POSIX shell quoting, only when needed. */
export function quote(s: string): string {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}

/** `user@host:port` of an `ssh://` engine; other engines as they are. */
export const addressOf = (engine: string): string => engine.replace(/^ssh:\/\//, '');

/** The docker context Wharf registers for an engine's host socket (docker-context-name.ts);
 *  `default` for the local socket; none for an engine that is not SSH or the VM. */
export function dockerContextOf(t: { name: string; engine: string }): string | null {
  if (t.engine === 'local') return 'default';
  if (t.engine === 'vm') return dockerContextName(t.name);
  const m = /^ssh:\/\/([^@]+)@(\[[^\]]+\]|[^:]+):(\d+)$/.exec(t.engine);
  return m
    ? dockerContextName(t.name, { user: m[1] ?? '', host: (m[2] ?? '').replace(/^\[|\]$/g, ''), port: Number(m[3]) })
    : null;
}

export const cli = {
  list: (): string => 'wharf context ls',
  add: (name: string, engine: string, identity?: string): string =>
    `wharf context add ${quote(name)} ${quote(engine)}${identity ? ` --identity ${quote(identity)}` : ''}`,
  use: (t: TargetView): string => {
    const ctx = dockerContextOf(t);
    return `wharf context use ${quote(t.name)}${ctx ? ` && docker context use ${ctx}` : ''}`;
  },
  test: (name: string): string => `wharf context test ${quote(name)}`,
  remove: (name: string): string => `wharf context rm ${quote(name)}`,
};
