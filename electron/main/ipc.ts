// The IPC host: six invoke channels and one event channel. Only our window's main frame, showing
// our page, is answered; the input goes to the backend untouched (it validates every call).
import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent, type WebFrameMain } from 'electron';
import { EVENT_NAMES } from '../../vm-backend/api/events';
import { IPC_CHANNELS, type ThemeSource, themeSource } from '../../vm-backend/api/preload-api';
import type { Backend } from '../../vm-backend/wiring/backend-types';
import { clientLinks } from './client-links';
import { saveLogs, saveLogsEnvelope } from './save-logs';
import { saveName, splitSavePath } from './save-path';
import { openIfAllowed } from './security';

export const INVOKE_CHANNEL = IPC_CHANNELS.invoke;
export const OPEN_EXTERNAL_CHANNEL = IPC_CHANNELS.openExternal;
export const EVENT_CHANNEL = IPC_CHANNELS.on;
export const SAVE_LOGS_CHANNEL = IPC_CHANNELS.saveLogs;
export const PICK_FOLDER_CHANNEL = IPC_CHANNELS.pickFolder;
export const CHOOSE_SAVE_PATH_CHANNEL = IPC_CHANNELS.chooseSavePath;
export const SET_THEME_CHANNEL = IPC_CHANNELS.setTheme;

export interface IpcDeps {
  backend: Backend;
  /** The one app window, or null before it exists / after it closed. */
  window(): BrowserWindow | null;
  isAppUrl(url: unknown): boolean;
  openExternal(url: string): Promise<void>;
  /** The save dialog for "Download full log": a path, or null when cancelled. */
  chooseLogFile(defaultName: string): Promise<string | null>;
  /** The folder dialog (build context, compose project): an absolute path, or null when cancelled. */
  chooseFolder(): Promise<string | null>;
  /** The save dialog for a file download, first named `defaultName` (one safe segment): the full
   *  path chosen, or null when cancelled. */
  chooseSavePath(defaultName: string): Promise<string | null>;
  /** Sees the events each window's own streams send it (pulls, logs), as they are sent. */
  onWindowEvent?(name: string, payload: unknown): void;
  /** nativeTheme.themeSource: the app's menus and dialogs follow the page's theme choice. */
  setThemeSource(source: ThemeSource): void;
}

class UntrustedSenderError extends Error {
  constructor() {
    super('IPC refused: the sender is not the Wharf window');
  }
}

function sameFrame(a: WebFrameMain, b: WebFrameMain): boolean {
  return a === b || (a.frameToken === b.frameToken && a.processId === b.processId);
}

export function isTrustedSender(
  event: IpcMainInvokeEvent,
  win: BrowserWindow | null,
  isAppUrl: (url: unknown) => boolean,
): boolean {
  if (!win || win.isDestroyed()) return false;
  const contents = win.webContents;
  const frame = event.senderFrame;
  if (!frame || event.sender !== contents || frame.parent !== null) return false;
  return sameFrame(frame, contents.mainFrame) && isAppUrl(frame.url);
}

/** Registers the handlers and the event forwarding; the returned function undoes both. */
export function registerIpc(deps: IpcDeps): () => void {
  const guard = (event: IpcMainInvokeEvent): void => {
    if (!isTrustedSender(event, deps.window(), deps.isAppUrl)) throw new UntrustedSenderError();
  };
  const links = clientLinks(EVENT_CHANNEL, deps.onWindowEvent);
  ipcMain.handle(INVOKE_CHANNEL, (event, name: unknown, input: unknown) => {
    guard(event);
    // backend.invoke checks the name and validates the input; a non-string name fails there.
    // The sender's ClientLink: streams it opens send their events to it alone and end with it.
    return deps.backend.invoke(typeof name === 'string' ? name : '', input, links.linkFor(event.sender));
  });
  ipcMain.handle(OPEN_EXTERNAL_CHANNEL, (event, url: unknown) => {
    guard(event);
    return openIfAllowed(url, deps.openExternal);
  });
  ipcMain.handle(SAVE_LOGS_CHANNEL, (event, id: unknown, options: unknown) => {
    guard(event);
    return saveLogsEnvelope(
      saveLogs({ backend: deps.backend, chooseFile: deps.chooseLogFile }, links.linkFor(event.sender), id, options),
    );
  });
  // Whatever the page sends is ignored: it may not steer the dialog (default path, file types).
  ipcMain.handle(PICK_FOLDER_CHANNEL, (event) => {
    guard(event);
    return deps.chooseFolder();
  });
  // The page suggests a name only: cut to one segment here, the folder is the user's to pick.
  ipcMain.handle(CHOOSE_SAVE_PATH_CHANNEL, async (event, defaultName: unknown) => {
    guard(event);
    return splitSavePath(await deps.chooseSavePath(saveName(defaultName)));
  });
  ipcMain.handle(SET_THEME_CHANNEL, (event, source: unknown) => {
    guard(event);
    const s = themeSource(source);
    if (s) deps.setThemeSource(s);
  });

  const unsubscribes = EVENT_NAMES.map((name) =>
    deps.backend.on(name, (payload) => {
      const win = deps.window();
      if (!win || win.isDestroyed() || win.webContents.isDestroyed()) return;
      if (!deps.isAppUrl(win.webContents.getURL())) return;
      win.webContents.send(EVENT_CHANNEL, name, payload);
    }),
  );

  return () => {
    ipcMain.removeHandler(INVOKE_CHANNEL);
    ipcMain.removeHandler(OPEN_EXTERNAL_CHANNEL);
    ipcMain.removeHandler(SAVE_LOGS_CHANNEL);
    ipcMain.removeHandler(PICK_FOLDER_CHANNEL);
    ipcMain.removeHandler(CHOOSE_SAVE_PATH_CHANNEL);
    ipcMain.removeHandler(SET_THEME_CHANNEL);
    for (const off of unsubscribes) off();
    links.closeAll();
  };
}
