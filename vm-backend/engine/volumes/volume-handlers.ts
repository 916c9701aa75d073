// The volumes:* calls, on the scope's engine.
import type { CallName } from '../../api/contract';
import type { HandlerMap } from '../../api/handler';
import type { ScopeContext } from '../scope-context';
import { createVolume, prunePreview, pruneVolumes, removeVolume, volumeSizes } from './volume-calls';
import { volumeStore } from './volume-store';

export type VolumeCall = Extract<CallName, `volumes:${string}`>;

export function volumeHandlers({ session, emit, numberListing }: ScopeContext): HandlerMap<VolumeCall> {
  const store = () =>
    volumeStore(session, (c) => emit('volumes:changed', { ...c, seq: numberListing({ rows: [], seq: c.seq }).seq }));
  return {
    'volumes:list': async () => numberListing(await store().listing()),
    'volumes:sizes': () => volumeSizes(session),
    'volumes:create': (input) => createVolume(session, store(), input),
    'volumes:remove': ({ name }) => removeVolume(session, store(), name),
    'volumes:prune-preview': () => prunePreview(session),
    'volumes:prune': () => pruneVolumes(session),
  };
}
