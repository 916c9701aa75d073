// The `docker container run ...` a run form stands for: shown live in the dialog, copied by the
// user, and parsed back by run-parse.ts (parse(build(f)) gives f again). Pure.
import { shellQuote } from './cli';
import type { PortRow, RunForm, VolumeRow } from './run-form';
import { splitWords } from './run-words';
import { limitFlags } from './stats-limits';

function portFlag(p: PortRow): string {
  const ip = p.hostIp.includes(':') ? `[${p.hostIp}]` : p.hostIp;
  const proto = p.protocol === 'tcp' ? '' : `/${p.protocol}`;
  const host = p.hostPort.trim();
  if (!host && !p.hostIp) return `${p.containerPort.trim()}${proto}`;
  return `${ip ? `${ip}:` : ''}${host}:${p.containerPort.trim()}${proto}`;
}

function volumeFlag(v: VolumeRow): string {
  const ro = v.readOnly ? ':ro' : '';
  return v.source ? `${v.source}:${v.target}${ro}` : `${v.target}${ro}`;
}

/** Flags in the order tutorials write them: mode, name, ports, env, volumes, lifecycle, network. */
function buildRunArgs(f: RunForm): string[] {
  const a: string[] = [];
  if (f.detached) a.push('-d');
  if (f.interactive) a.push('-it');
  if (f.name) a.push('--name', f.name);
  for (const p of f.ports) a.push('-p', portFlag(p));
  for (const e of f.env) if (e.key) a.push('-e', `${e.key}=${e.value}`);
  for (const v of f.volumes) a.push('-v', volumeFlag(v));
  if (f.autoRemove) a.push('--rm');
  if (f.restart !== 'no')
    a.push('--restart', f.restart === 'on-failure' && f.restartMax ? `on-failure:${f.restartMax}` : f.restart);
  if (f.network) a.push('--network', f.network);
  if (f.limits) a.push(...limitFlags(f.limits));
  a.push(f.image || '<image>');
  const cmd = splitWords(f.command);
  if (cmd.ok) a.push(...cmd.words);
  return a;
}

export function buildRunCommand(f: RunForm): string {
  return ['docker container run', ...buildRunArgs(f).map((w) => (w === '<image>' ? w : shellQuote(w)))].join(' ');
}
