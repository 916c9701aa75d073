// The one app window. Hidden until the first paint so it never flashes white.
import { BrowserWindow } from 'electron';
import type { AppPage } from './app-url';
import { hardenWebContents, secureWebPreferences, type SecurityDeps } from './security';

export function createMainWindow(page: AppPage, preloadPath: string, deps: SecurityDeps): BrowserWindow {
  const win = new BrowserWindow({
    width: 1200,
    height: 780,
    minWidth: 720,
    minHeight: 480,
    title: 'Wharf',
    show: false,
    autoHideMenuBar: true,
    webPreferences: secureWebPreferences(preloadPath),
  });
  // web-contents-created hardens it too; hardenWebContents is idempotent, so this costs nothing.
  hardenWebContents(win.webContents, deps);
  win.once('ready-to-show', () => win.show());
  void win.loadURL(page.url);
  return win;
}
