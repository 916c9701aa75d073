// What a click in the containers view does: each call records its docker command (the CLI bar)
// and answers with every failure to show, the call's own or one per container.
import type { ContainerActionName } from '../../../vm-backend/api/contract.containers';
import { dockerCli } from '../../../vm-backend/api/rules/cli';
import type { BulkItemResult, ContainerRow, WharfErrorShape } from '../../../vm-backend/api/types';
import type { Bridge } from '../../bridge/types';
import { runAction } from '../../components/run-action';

async function bulk(cli: string, run: () => Promise<BulkItemResult[]>): Promise<WharfErrorShape[]> {
  const { value, error } = await runAction(cli, run);
  return [...(error ? [error] : []), ...(value ?? []).flatMap((r) => (r.error ? [r.error] : []))];
}

const names = (rows: readonly ContainerRow[]): string[] => rows.map((r) => r.name);
const ids = (rows: readonly ContainerRow[]): string[] => rows.map((r) => r.id);

/** start, stop, restart, pause or resume these containers. */
export function actOnContainers(
  bridge: Bridge,
  rows: readonly ContainerRow[],
  action: ContainerActionName,
): Promise<WharfErrorShape[]> {
  return bulk(dockerCli.containerAction(action, names(rows)), () =>
    bridge.call('containers:action', { ids: ids(rows), action }),
  );
}

/** Removes these containers, as the remove dialog confirmed. */
export function removeContainers(
  bridge: Bridge,
  rows: readonly ContainerRow[],
  o: { force: boolean; volumes: boolean },
): Promise<WharfErrorShape[]> {
  return bulk(dockerCli.containerRemove(names(rows), o), () =>
    bridge.call('containers:remove', { ids: ids(rows), force: o.force, removeVolumes: o.volumes }),
  );
}

/** What "Stop selected" stops: the containers that run, are paused or restart. */
export function stoppable(rows: readonly ContainerRow[]): ContainerRow[] {
  return rows.filter((r) => r.state === 'running' || r.state === 'paused' || r.state === 'restarting');
}
