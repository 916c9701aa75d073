// A volume's row from the engine's volume and container lists: who uses it comes from each
// container's Mounts (one list call for all volumes), so no volume needs its own request.
import type { ContainerInfo, VolumeInspectInfo } from 'dockerode';
import type { VolumeRow, VolumeUser } from '../../api/contract.volumes';

const ANONYMOUS_NAME = /^[0-9a-f]{64}$/;
/** Engines from 23.0 label the volumes they make for a container. */
const ANONYMOUS_LABEL = 'com.docker.volume.anonymous';

/** Volume name -> the containers mounting it (running or not). */
export function usersByVolume(containers: ContainerInfo[]): Map<string, VolumeUser[]> {
  const out = new Map<string, VolumeUser[]>();
  for (const c of containers) {
    for (const m of c.Mounts ?? []) {
      if (m.Type !== 'volume' || !m.Name) continue;
      const list = out.get(m.Name) ?? [];
      if (list.some((u) => u.id === c.Id)) continue;
      list.push({
        id: c.Id,
        name: (c.Names?.[0] ?? c.Id.slice(0, 12)).replace(/^\//, ''),
        running: c.State === 'running',
      });
      out.set(m.Name, list);
    }
  }
  return out;
}

export function toVolumeRow(v: VolumeInspectInfo & { CreatedAt?: string }, users: VolumeUser[]): VolumeRow {
  const labels = v.Labels ?? {};
  const created = v.CreatedAt ? Date.parse(v.CreatedAt) : Number.NaN;
  return {
    id: v.Name,
    name: v.Name,
    driver: v.Driver,
    mountpoint: v.Mountpoint,
    created: Number.isFinite(created) ? created : 0,
    labels,
    anonymous: ANONYMOUS_NAME.test(v.Name) || ANONYMOUS_LABEL in labels,
    users: [...users].sort((a, b) => a.name.localeCompare(b.name)),
  };
}
