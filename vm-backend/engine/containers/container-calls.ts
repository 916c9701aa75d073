import type { BulkItemResult, ContainerInspect, ContainerRow, Listing } from '../../api/types';
import type { ContainerActionName } from '../../api/contract.containers';
import { toInspect } from './container-rows';
import { toWharfError } from '../errors';
import type { EngineSession } from '../session';

/** Runs one per-container step for each id, in parallel but bounded, and reports each result. */
async function eachContainer(
  session: EngineSession,
  ids: string[],
  step: (id: string) => Promise<unknown>,
): Promise<BulkItemResult[]> {
  const results: BulkItemResult[] = [];
  const queue = [...new Set(ids)];
  const worker = async (): Promise<void> => {
    for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
      try {
        await step(id);
        results.push({ id, ok: true });
      } catch (err) {
        // 304: already in the asked-for state. That is what the user wanted.
        if ((err as { statusCode?: number }).statusCode === 304) results.push({ id, ok: true });
        else {
          const subject = session.containerName(id) ?? id.slice(0, 12);
          results.push({
            id,
            ok: false,
            error: toWharfError(err, {
              subject,
              containerName: session.containerName,
              endpoint: session.conn.endpoint,
            }).toJSON(),
          });
        }
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(4, queue.length) }, worker));
  const order = new Map(ids.map((id, i) => [id, i]));
  return results.sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
}

export function listContainers(session: EngineSession): Listing<ContainerRow> {
  session.client();
  return session.containers.listing();
}

export async function inspectContainer(session: EngineSession, id: string): Promise<ContainerInspect> {
  try {
    return toInspect(await session.client().getContainer(id).inspect());
  } catch (err) {
    throw toWharfError(err, { subject: session.containerName(id) ?? id, endpoint: session.conn.endpoint });
  }
}

export function containerAction(
  session: EngineSession,
  ids: string[],
  action: ContainerActionName,
): Promise<BulkItemResult[]> {
  const docker = session.client();
  return eachContainer(session, ids, (id) => {
    const c = docker.getContainer(id);
    switch (action) {
      case 'start':
        return c.start();
      case 'stop':
        return c.stop();
      case 'restart':
        return c.restart();
      case 'pause':
        return c.pause();
      case 'unpause':
        return c.unpause();
    }
  });
}

export function removeContainers(
  session: EngineSession,
  ids: string[],
  force: boolean,
  removeVolumes: boolean,
): Promise<BulkItemResult[]> {
  const docker = session.client();
  return eachContainer(session, ids, (id) => docker.getContainer(id).remove({ force, v: removeVolumes }));
}
