// Exposes exactly PreloadApi as a frozen window.wharf. Never ipcRenderer itself: the page gets
// nine members and nothing that can reach other channels.
import { contextBridge, ipcRenderer, type IpcRendererEvent, webUtils } from 'electron';
import { isEventName } from '../../vm-backend/api/events';
import { IPC_CHANNELS, type PreloadApi, type SavePath, themeSource } from '../../vm-backend/api/preload-api';
import type { Envelope } from '../../vm-backend/api/wire';

type Listener = (payload: unknown) => void;
const listeners = new Map<string, Set<Listener>>();

// One ipcRenderer listener for all events, so subscribing never leaks an IpcRendererEvent.
ipcRenderer.on(IPC_CHANNELS.on, (_event: IpcRendererEvent, name: unknown, payload: unknown) => {
  if (typeof name !== 'string') return;
  for (const listener of listeners.get(name) ?? []) {
    try {
      listener(payload);
    } catch {
      // One broken renderer listener must not stop the others.
    }
  }
});

export const api: PreloadApi = Object.freeze({
  invoke: (name: string, input: unknown) =>
    ipcRenderer.invoke(IPC_CHANNELS.invoke, name, input) as Promise<Envelope<unknown>>,
  on: (event: string, listener: (payload: unknown) => void) => {
    if (!isEventName(event)) throw new TypeError(`unknown event: ${String(event)}`);
    if (typeof listener !== 'function') throw new TypeError('listener must be a function');
    let set = listeners.get(event);
    if (!set) listeners.set(event, (set = new Set()));
    const own: Listener = (p) => listener(p);
    set.add(own);
    return () => {
      set.delete(own);
    };
  },
  openExternal: (url: string) => ipcRenderer.invoke(IPC_CHANNELS.openExternal, url) as Promise<boolean>,
  saveLogs: (id: string, options: { timestamps: boolean }) =>
    ipcRenderer.invoke(IPC_CHANNELS.saveLogs, id, { timestamps: options?.timestamps === true }) as Promise<
      Envelope<boolean>
    >,
  // No argument crosses: the main process owns the dialog's options.
  pickFolder: () => ipcRenderer.invoke(IPC_CHANNELS.pickFolder) as Promise<string | null>,
  // Only a suggested name crosses; the main process cuts it to one path segment.
  chooseSavePath: (defaultName: string) =>
    ipcRenderer.invoke(IPC_CHANNELS.chooseSavePath, String(defaultName)) as Promise<SavePath | null>,
  // Answered here, no IPC: a File's path is only readable in the preload (contextIsolation).
  pathForFile: (file: File) => {
    try {
      const path = webUtils.getPathForFile(file);
      return typeof path === 'string' ? path : '';
    } catch {
      return '';
    }
  },
  setTheme: (source: string) =>
    ipcRenderer.invoke(IPC_CHANNELS.setTheme, themeSource(source) ?? 'system') as Promise<void>,
  platform: process.platform,
});

contextBridge.exposeInMainWorld('wharf', api);
