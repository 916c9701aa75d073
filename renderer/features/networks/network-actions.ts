// What a click in the networks view does: each call records its docker command (the CLI bar) and
// answers with the refusal to show, if any.
import type { CallInput } from '../../../vm-backend/api/contract';
import type { NetworkPicture } from '../../../vm-backend/api/contract.networks';
import { networkCli } from '../../../vm-backend/api/rules/network-cli';
import type { WharfErrorShape } from '../../../vm-backend/api/types';
import type { Bridge } from '../../bridge/types';
import { runAction } from '../../components/run-action';
import { errorShape } from '../../lib/error-shape';
import { useStore } from '../../store/store';

type Result = Promise<WharfErrorShape | null>;

export async function createNetwork(bridge: Bridge, input: CallInput<'networks:create'>): Result {
  const r = await runAction(networkCli.create(input), () => bridge.call('networks:create', input));
  return r.error ?? null;
}

export async function removeNetwork(bridge: Bridge, name: string): Result {
  const r = await runAction(networkCli.remove(name), () => bridge.call('networks:remove', { network: name }));
  return r.error ?? null;
}

export async function pruneNetworks(bridge: Bridge): Promise<{ deleted?: string[]; error?: WharfErrorShape }> {
  const r = await runAction(networkCli.prune(), () => bridge.call('networks:prune', {}));
  return r.error ? { error: r.error } : { deleted: r.value?.deleted ?? [] };
}

export async function connectContainer(bridge: Bridge, network: string, container: string, alias: string): Result {
  const a = alias.trim();
  const r = await runAction(networkCli.connect(network, container, a), () =>
    bridge.call('networks:connect', { network, container, ...(a ? { alias: a } : {}) }),
  );
  return r.error ?? null;
}

export async function disconnectContainer(bridge: Bridge, network: string, container: string): Result {
  const r = await runAction(networkCli.disconnect(network, container, false), () =>
    bridge.call('networks:disconnect', { network, container, force: false }),
  );
  return r.error ?? null;
}

export async function loadPicture(
  bridge: Bridge,
  network: string,
): Promise<{ picture?: NetworkPicture; error?: WharfErrorShape }> {
  try {
    return { picture: await bridge.call('networks:picture', { network }) };
  } catch (e) {
    return { error: errorShape(e) };
  }
}

/** Goes to a container: the containers view with its details panel open. */
export function goToContainer(id: string): void {
  const s = useStore.getState();
  s.setView('containers');
  s.selectContainer(id);
}
