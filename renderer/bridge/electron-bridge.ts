import type { Bridge, PreloadApi } from './types';
import { unwrap } from './unwrap';

export function electronBridge(api: PreloadApi): Bridge {
  return {
    kind: 'electron',
    call: async (name, input) => unwrap(await api.invoke(name, input)),
    on: (event, listener) => api.on(event, listener as (p: unknown) => void),
    openExternal: (url) => void api.openExternal(url),
    downloadLogs: (id, o) => void api.saveLogs(id, o).catch(() => false),
    onTransport: (listener) => {
      listener('open');
      return () => {};
    },
  };
}
