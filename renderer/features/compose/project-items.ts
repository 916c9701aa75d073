// A project's services joined with the engine's containers (the main store's rows, kept live by
// events): state, image, ports and how many replicas each service has.
import type { ComposeProject } from '../../../vm-backend/api/contract.compose';
import type { ContainerRow, PortMapping } from '../../../vm-backend/api/types';

export interface ServiceItem {
  name: string;
  containers: ContainerRow[];
  /** running / exited / ...; 'none' when no container exists yet. */
  state: string;
  image: string;
  ports: PortMapping[];
}

export function serviceItems(p: ComposeProject, rows: readonly ContainerRow[]): ServiceItem[] {
  const mine = rows.filter((r) => r.project === p.name);
  const names = [...new Set([...p.services, ...mine.map((r) => r.service ?? '').filter(Boolean)])].sort();
  return names.map((name) => {
    const containers = mine.filter((r) => r.service === name).sort((a, b) => a.name.localeCompare(b.name));
    const states = [...new Set(containers.map((c) => c.state))];
    return {
      name,
      containers,
      state: containers.length === 0 ? 'none' : states.length === 1 ? (states[0] ?? 'none') : states.join(' / '),
      image: containers[0]?.image ?? '',
      ports: containers.flatMap((c) => c.ports.filter((x) => x.hostPort !== undefined)),
    };
  });
}

/** Projects the containers name that the list does not have yet (started outside Wharf). */
export function unlistedProjects(projects: readonly ComposeProject[], rows: readonly ContainerRow[]): string[] {
  const known = new Set(projects.map((p) => p.name));
  return [...new Set(rows.map((r) => r.project).filter((x): x is string => !!x && !known.has(x)))].sort();
}
