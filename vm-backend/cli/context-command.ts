// `wharf context ls|add|use|rm|test`: the engines Wharf knows, and which one `wharf web` and the
// desktop app use when no --engine is given.
import { resolve } from 'node:path';
import { probeTarget } from '../wiring/probe-target';
import { type Target, TargetError, TargetStore } from '../connection/targets';
import { WharfError } from '../api/errors';
import type { SettingsNotice } from '../api/types';
import { settingsNotices } from '../connection/settings-file';
import { parseEngine, UsageError } from './args';

/** A settings file set aside, in the words the app uses. */
export const noticeLine = (n: SettingsNotice): string =>
  n.keptAs
    ? `note: ${n.file} could not be read${n.reason ? ` (${n.reason})` : ''}; Wharf started without it and kept it as ${n.keptAs}. Copy what you need from it, then delete it.`
    : `note: ${n.file} could not be read${n.reason ? ` (${n.reason})` : ''} and could not be set aside.`;

export const CONTEXT_USAGE = `usage: wharf context ls
       wharf context add NAME ssh://user@host[:port] [--identity KEYFILE]
       wharf context use NAME | rm NAME | test NAME`;

/** Tries a target once (probe-target.ts, as the Targets screen does): versions, host key, or the error. */
async function testTarget(t: Target, dataDir: string, out: (s: string) => void): Promise<boolean> {
  const r = await probeTarget(t, dataDir);
  if (r.ok) {
    const key = r.hostKey ? `, host key ${r.hostKey}${r.hostKeyFirstUse ? ' (pinned now)' : ''}` : '';
    out(`${t.name}: OK, Docker Engine ${r.engineVersion ?? '?'} (API ${r.apiVersion})${key}`);
    return true;
  }
  const e = r.error;
  out(`${t.name}: ${e ? `${e.message}\n  ${e.hint}\n  (${e.detail})` : 'failed'}`);
  return false;
}

export async function contextCommand(
  argv: string[],
  dataDir: string,
  out: (s: string) => void = console.log,
): Promise<number> {
  const store = new TargetStore(dataDir);
  const [sub, ...rest] = argv;
  try {
    switch (sub) {
      case 'ls':
      case 'list': {
        const { targets, active } = store.list();
        const rows = targets.map((t) => [t.name === active ? `${t.name} *` : t.name, t.engine, t.identity ?? '']);
        const w = [0, 1].map((i) =>
          Math.max(...[['NAME', 'ENGINE'][i] ?? '', ...rows.map((r) => r[i] ?? '')].map((s) => s.length)),
        );
        const line = (r: string[]): string =>
          `${(r[0] ?? '').padEnd(w[0] ?? 0)}  ${(r[1] ?? '').padEnd(w[1] ?? 0)}  ${r[2] ?? ''}`.trimEnd();
        out([line(['NAME', 'ENGINE', 'KEY']), ...rows.map(line)].join('\n'));
        for (const n of settingsNotices([store.file])) out(noticeLine(n));
        return 0;
      }
      case 'add': {
        const [name, engine, ...flags] = rest;
        if (!name || !engine) throw new UsageError(CONTEXT_USAGE);
        let identity: string | undefined;
        for (let i = 0; i < flags.length; i++) {
          if (flags[i] === '--identity' && flags[i + 1]) identity = resolve(flags[++i] as string);
          else throw new UsageError(`unknown option ${flags[i]}\n${CONTEXT_USAGE}`);
        }
        parseEngine(engine);
        store.save({ name, engine, ...(identity ? { identity } : {}) });
        out(`added ${name} (${engine}); switch to it with: wharf context use ${name}`);
        return 0;
      }
      case 'use': {
        const t = store.use(rest[0] ?? '');
        out(`now using ${t.name} (${t.engine})`);
        return 0;
      }
      case 'rm':
      case 'remove':
        store.remove(rest[0] ?? '');
        out(`removed ${rest[0]}`);
        return 0;
      case 'test':
        return (await testTarget(store.get(rest[0] ?? store.active().name), dataDir, out)) ? 0 : 1;
      default:
        throw new UsageError(CONTEXT_USAGE);
    }
  } catch (err) {
    if (err instanceof TargetError) throw new UsageError(err.message);
    if (err instanceof WharfError) throw new UsageError(`${err.message} ${err.hint}\n  (${err.detail})`);
    throw err;
  }
}
