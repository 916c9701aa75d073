import type { ContainerInfo, ContainerInspectInfo } from 'dockerode';
import type { ContainerInspect, ContainerRow, ContainerState, PortMapping } from '../../api/types';

const STATES: readonly ContainerState[] = ['created', 'running', 'paused', 'restarting', 'exited', 'removing', 'dead'];

function toState(s: unknown): ContainerState {
  const v = String(s ?? '').toLowerCase();
  return (STATES as readonly string[]).includes(v) ? (v as ContainerState) : 'dead';
}

function toProtocol(t: unknown): PortMapping['protocol'] {
  return t === 'udp' || t === 'sctp' ? t : 'tcp';
}

/** The engine repeats a port once per host address (0.0.0.0 and ::): keep one per mapping. */
function dedupePorts(ports: PortMapping[]): PortMapping[] {
  const seen = new Map<string, PortMapping>();
  for (const p of ports) {
    const key = `${p.hostPort ?? ''}/${p.containerPort}/${p.protocol}`;
    const prev = seen.get(key);
    if (!prev || (prev.hostIp === '::' && p.hostIp !== '::')) seen.set(key, p);
  }
  return [...seen.values()].sort(
    (a, b) => (a.hostPort ?? 1e6) - (b.hostPort ?? 1e6) || a.containerPort - b.containerPort,
  );
}

export function toContainerRow(c: ContainerInfo, readAt = Date.now()): ContainerRow {
  const labels = c.Labels ?? {};
  const ports: PortMapping[] = (c.Ports ?? []).map((p) => ({
    hostIp: p.IP ?? '',
    ...(p.PublicPort ? { hostPort: p.PublicPort } : {}),
    containerPort: p.PrivatePort,
    protocol: toProtocol(p.Type),
  }));
  const row: ContainerRow = {
    id: c.Id,
    name: (c.Names?.[0] ?? c.Id.slice(0, 12)).replace(/^\//, ''),
    image: c.Image,
    imageId: c.ImageID,
    command: c.Command ?? '',
    state: toState(c.State),
    status: c.Status ?? '',
    statusAt: readAt,
    created: (c.Created ?? 0) * 1000,
    ports: dedupePorts(ports),
  };
  const project = labels['com.docker.compose.project'];
  const service = labels['com.docker.compose.service'];
  if (project) row.project = project;
  if (service) row.service = service;
  return row;
}

function portsFromInspect(info: ContainerInspectInfo): PortMapping[] {
  const out: PortMapping[] = [];
  for (const [key, bindings] of Object.entries(info.NetworkSettings?.Ports ?? {})) {
    const [port, proto] = key.split('/');
    const containerPort = Number(port);
    if (!Number.isInteger(containerPort)) continue;
    if (!bindings?.length) out.push({ hostIp: '', containerPort, protocol: toProtocol(proto) });
    for (const b of bindings ?? []) {
      const hostPort = Number(b.HostPort);
      out.push({
        hostIp: b.HostIp ?? '',
        ...(hostPort ? { hostPort } : {}),
        containerPort,
        protocol: toProtocol(proto),
      });
    }
  }
  return dedupePorts(out);
}

export function toInspect(info: ContainerInspectInfo): ContainerInspect {
  const cmd = [info.Path, ...(info.Args ?? [])].filter(Boolean).join(' ');
  const restart = info.HostConfig?.RestartPolicy;
  return {
    summary: {
      id: info.Id,
      name: info.Name.replace(/^\//, ''),
      image: info.Config?.Image ?? info.Image,
      state: toState(info.State?.Status),
      ...(info.State?.StartedAt ? { startedAt: info.State.StartedAt } : {}),
      ...(info.State?.FinishedAt ? { finishedAt: info.State.FinishedAt } : {}),
      ...(typeof info.State?.ExitCode === 'number' ? { exitCode: info.State.ExitCode } : {}),
      restartCount: info.RestartCount ?? 0,
      restartPolicy: restart?.Name
        ? `${restart.Name}${restart.MaximumRetryCount ? `:${restart.MaximumRetryCount}` : ''}`
        : 'no',
      command: cmd,
      env: info.Config?.Env ?? [],
      ports: portsFromInspect(info),
      mounts: (info.Mounts ?? []).map((m) => ({
        type: m.Type ?? 'bind',
        source: m.Source ?? m.Name ?? '',
        destination: m.Destination,
        readOnly: m.RW === false,
      })),
      networks: Object.keys(info.NetworkSettings?.Networks ?? {}),
      labels: info.Config?.Labels ?? {},
    },
    raw: info,
  };
}
