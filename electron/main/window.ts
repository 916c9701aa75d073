// The one app window. Hidden until the first paint so it never flashes white; opened where it
// was last (window-state.ts checks that place against today's displays) and remembered on close.
import { BrowserWindow, screen } from 'electron';
import type { AppPage } from './app-url';
import { hardenWebContents, secureWebPreferences, type SecurityDeps } from './security';
import { restoreWindow, WINDOW_DEFAULTS, type WindowState, windowStateOf } from './window-state';

export interface WindowPlace {
  /** What was saved last time (checked here; anything may be in the file). */
  saved: unknown;
  save(state: WindowState): void;
}

export function createMainWindow(
  page: AppPage,
  preloadPath: string,
  deps: SecurityDeps,
  place?: WindowPlace,
): BrowserWindow {
  const restored = restoreWindow(place?.saved, place ? screen.getAllDisplays().map((d) => d.workArea) : []);
  const win = new BrowserWindow({
    ...restored.bounds,
    minWidth: WINDOW_DEFAULTS.minWidth,
    minHeight: WINDOW_DEFAULTS.minHeight,
    title: 'Wharf',
    show: false,
    autoHideMenuBar: true,
    webPreferences: secureWebPreferences(preloadPath),
  });
  // web-contents-created hardens it too; hardenWebContents is idempotent, so this costs nothing.
  hardenWebContents(win.webContents, deps);
  win.once('ready-to-show', () => {
    if (restored.maximized) win.maximize();
    win.show();
  });
  if (place) win.on('close', () => place.save(windowStateOf(win.getNormalBounds(), win.isMaximized())));
  void win.loadURL(page.url);
  return win;
}
