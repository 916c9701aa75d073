import type { Bridge, PreloadApi } from './types';
import { unwrap } from './unwrap';

export function electronBridge(api: PreloadApi): Bridge {
  return {
    kind: 'electron',
    call: async (name, input) => unwrap(await api.invoke(name, input)),
    on: (event, listener) => api.on(event, listener as (p: unknown) => void),
    openExternal: (url) => void api.openExternal(url),
    downloadLogs: async (id, o) => void unwrap<boolean>(await api.saveLogs(id, o)),
    onTransport: (listener) => {
      listener('open');
      return () => {};
    },
  };
}
