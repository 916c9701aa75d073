// RunForm <-> the Engine API: the create body a form stands for, and the form a container was
// made from ("Run another"). Pure apart from types.
import type { ContainerCreateOptions, ContainerInspectInfo } from 'dockerode';
import {
  LOOPBACK,
  type PortRow,
  type RestartPolicy,
  RESTART_POLICIES,
  type RunForm,
  type VolumeRow,
  emptyForm,
} from '../../api/rules/run-form';
import { parsePortSpec } from '../../api/rules/run-ports';
import { splitWords } from '../../api/rules/run-words';
import { shellQuote } from '../../api/rules/cli';
import { limitResources, limitsFromHostConfig, LIMIT_FIELDS } from '../../api/rules/stats-limits';

const RUN_LABEL = 'wharf.run';

/** Port rows -> ExposedPorts + PortBindings (ranges expanded; host range -> one container port). */
export function portBindings(rows: readonly PortRow[]): {
  exposed: Record<string, object>;
  bindings: Record<string, { HostIp: string; HostPort: string }[]>;
} {
  const exposed: Record<string, object> = {};
  const bindings: Record<string, { HostIp: string; HostPort: string }[]> = {};
  for (const r of rows) {
    const ctr = parsePortSpec(r.containerPort);
    if (!ctr.ok) continue;
    const host = parsePortSpec(r.hostPort);
    const count = ctr.range.end - ctr.range.start;
    for (let k = 0; k <= count; k++) {
      const key = `${ctr.range.start + k}/${r.protocol}`;
      let hostPort = '';
      if (host.ok)
        hostPort =
          count === 0 && host.range.end !== host.range.start
            ? `${host.range.start}-${host.range.end}`
            : String(host.range.start + k);
      exposed[key] = {};
      (bindings[key] ??= []).push({ HostIp: r.hostIp, HostPort: hostPort });
    }
  }
  return { exposed, bindings };
}

export function toCreateOptions(f: RunForm, extraLabels: Record<string, string> = {}): ContainerCreateOptions {
  const { exposed, bindings } = portBindings(f.ports);
  const cmd = splitWords(f.command);
  const mounts = f.volumes.map((v) => ({
    Type: v.kind,
    Source: v.source,
    Target: v.target,
    ReadOnly: v.readOnly,
  }));
  const env = f.env.filter((e) => e.key).map((e) => `${e.key}=${e.value}`);
  const opts: ContainerCreateOptions = {
    Image: f.image,
    Tty: f.interactive,
    OpenStdin: f.interactive,
    AttachStdin: false,
    ExposedPorts: exposed,
    Labels: { [RUN_LABEL]: '1', ...extraLabels },
    HostConfig: {
      PortBindings: bindings,
      Mounts: mounts as NonNullable<ContainerCreateOptions['HostConfig']>['Mounts'],
      AutoRemove: f.autoRemove,
      RestartPolicy: {
        Name: f.restart === 'no' ? '' : f.restart,
        ...(f.restart === 'on-failure' && f.restartMax ? { MaximumRetryCount: Number(f.restartMax) } : {}),
      },
      ...(f.network ? { NetworkMode: f.network } : {}),
      ...(f.limits ? limitResources(f.limits) : {}),
    },
  };
  if (f.name) opts.name = f.name;
  if (env.length) opts.Env = env;
  if (cmd.ok && cmd.words.length) opts.Cmd = cmd.words;
  return opts;
}

/** "web" -> "web-2"; "web-2" -> "web-3"; skipping names already used. */
export function nextName(name: string, taken: ReadonlySet<string>): string {
  if (!name) return '';
  const m = /^(.*?)-(\d+)$/.exec(name);
  const base = m?.[1] || name;
  let n = m?.[2] ? Number(m[2]) + 1 : 2;
  while (taken.has(`${base}-${n}`)) n++;
  return `${base}-${n}`.slice(0, 128);
}

/** The form a container was created from: its settings as `docker run` flags would give them. */
export function formFromInspect(
  info: ContainerInspectInfo,
  imageEnv: readonly string[] = [],
  imageCmd: readonly string[] = [],
): RunForm {
  const f = emptyForm(info.Config?.Image ?? info.Image);
  f.name = info.Name.replace(/^\//, '');
  f.interactive = Boolean(info.Config?.Tty && info.Config?.OpenStdin);
  f.detached = true;
  const hc = info.HostConfig ?? {};
  f.autoRemove = Boolean(hc.AutoRemove);
  const r = hc.RestartPolicy?.Name ?? '';
  f.restart = RESTART_POLICIES.includes(r as RestartPolicy) ? (r as RestartPolicy) : 'no';
  if (f.restart === 'on-failure' && hc.RestartPolicy?.MaximumRetryCount)
    f.restartMax = String(hc.RestartPolicy.MaximumRetryCount);
  const mode = hc.NetworkMode ?? '';
  f.network = mode === 'default' || mode === 'bridge' ? '' : mode;
  const cmd = info.Config?.Cmd ?? [];
  if (cmd.join('\0') !== imageCmd.join('\0')) f.command = cmd.map(shellQuote).join(' ');
  // Only the variables the user set, not the ones the image brings.
  const inherited = new Set(imageEnv);
  f.env = (info.Config?.Env ?? [])
    .filter((e) => !inherited.has(e))
    .map((e) => {
      const at = e.indexOf('=');
      return at < 0 ? { key: e, value: '' } : { key: e.slice(0, at), value: e.slice(at + 1) };
    });
  for (const [key, list] of Object.entries(
    (hc.PortBindings ?? {}) as Record<string, { HostIp?: string; HostPort?: string }[] | null>,
  )) {
    const [port, proto] = key.split('/');
    for (const b of list ?? []) {
      f.ports.push({
        hostIp: b.HostIp || LOOPBACK,
        hostPort: b.HostPort ?? '',
        containerPort: port ?? '',
        protocol: proto === 'udp' ? 'udp' : 'tcp',
      });
    }
  }
  const mounts =
    (hc as { Mounts?: { Type?: string; Source?: string; Target?: string; ReadOnly?: boolean }[] }).Mounts ?? [];
  f.volumes = mounts
    .filter((m) => m.Type === 'bind' || m.Type === 'volume')
    .map(
      (m): VolumeRow => ({
        kind: m.Type === 'bind' ? 'bind' : 'volume',
        source: m.Source ?? '',
        target: m.Target ?? '',
        readOnly: Boolean(m.ReadOnly),
      }),
    );
  const limits = limitsFromHostConfig(hc);
  if (LIMIT_FIELDS.some((k) => limits[k])) f.limits = limits;
  for (const b of hc.Binds ?? []) {
    const [source = '', target = '', mode2 = ''] = b.split(':');
    f.volumes.push({
      kind: source.startsWith('/') ? 'bind' : 'volume',
      source,
      target,
      readOnly: mode2.split(',').includes('ro'),
    });
  }
  return f;
}
