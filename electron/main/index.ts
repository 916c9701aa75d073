// Electron entry: one locked instance, one hardened window, the backend on the chosen target.
// Thin on purpose: every behaviour lives in vm-backend/.
import { app, BrowserWindow, dialog, safeStorage, session, shell } from 'electron';
import { join } from 'node:path';
import { createBackend } from '../../vm-backend/wiring/backend';
import type { Backend } from '../../vm-backend/wiring/backend-types';
import { wharfDataDir } from '../../vm-backend/connection/data-dir';
import { targetConnector } from '../../vm-backend/wiring/connect-target';
import { TargetStore } from '../../vm-backend/connection/targets';
import { appPage } from './app-url';
import { type DesktopArgs, parseDesktopArgs, UsageError } from './args';
import { registerIpc } from './ipc';
import { pickFolder } from './pick-folder';
import { hardenSession, hardenWebContents, type SecurityDeps } from './security';
import { createMainWindow } from './window';
import { keychainCodec } from './secret-codec';

function fail(message: string): never {
  process.stderr.write(`wharf: ${message}\n`);
  app.exit(2);
  process.exit(2);
}

let desktopArgs: DesktopArgs = { engine: 'local' };
try {
  desktopArgs = parseDesktopArgs(process.argv.slice(1));
} catch (e) {
  fail(e instanceof UsageError ? e.message : String(e));
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  const page = appPage(__dirname, process.env.ELECTRON_RENDERER_URL, app.isPackaged);
  const deps: SecurityDeps = { isAppUrl: page.isAppUrl, openExternal: (url) => shell.openExternal(url) };
  const preloadPath = join(__dirname, '../preload/index.js');
  let win: BrowserWindow | null = null;
  let backend: Backend | null = null;
  let disposeIpc: (() => void) | null = null;

  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, deps));

  app.on('second-instance', () => {
    if (!win || win.isDestroyed()) return;
    if (win.isMinimized()) win.restore();
    win.focus();
  });

  const openWindow = (): void => {
    win = createMainWindow(page, preloadPath, deps);
    win.on('closed', () => (win = null));
  };

  void app.whenReady().then(async () => {
    // Vite's dev server needs its inline preamble; the built app gets web mode's CSP as a header.
    hardenSession(session.defaultSession, {
      csp: app.isPackaged || !process.env.ELECTRON_RENDERER_URL,
      isAppUrl: page.isAppUrl,
    });
    try {
      // No --engine: the target chosen with `wharf context use` (local until one is chosen). The
      // same connector as web mode, so the Targets screen can switch engines here too.
      const dataDir = wharfDataDir();
      const given = process.argv.some((a) => a === '--engine' || a.startsWith('--engine='));
      const target = new TargetStore(dataDir).startTarget(given ? desktopArgs.engine : undefined, desktopArgs.identity);
      const connect = targetConnector({ dataDir });
      const secretCodec = keychainCodec(safeStorage);
      backend = createBackend({
        ...(await connect(target)),
        target,
        dataDir,
        connect,
        dockerSocket: true,
        // Start-up problems (a data folder Wharf cannot write) reach the terminal too; the window shows them.
        log: (l) => console.error(l),
        ...(secretCodec ? { secretCodec } : {}),
      });
    } catch (e) {
      // An unusable DOCKER_HOST or target: say so plainly rather than open a window that can do nothing.
      dialog.showErrorBox('Wharf cannot reach Docker', e instanceof Error ? e.message : String(e));
      app.exit(1);
      return;
    }
    disposeIpc = registerIpc({
      backend,
      window: () => win,
      isAppUrl: page.isAppUrl,
      openExternal: deps.openExternal,
      chooseLogFile: async (defaultName) => {
        const options = { defaultPath: defaultName, filters: [{ name: 'Log', extensions: ['log', 'txt'] }] };
        const r = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
        return r.canceled || !r.filePath ? null : r.filePath;
      },
      chooseFolder: () =>
        pickFolder((options) => (win ? dialog.showOpenDialog(win, options) : dialog.showOpenDialog(options))),
    });
    openWindow();
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) openWindow();
    });
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  let closing = false;
  app.on('will-quit', (event) => {
    if (closing || !backend) return;
    closing = true;
    event.preventDefault();
    disposeIpc?.();
    const done = backend.close().catch(() => {});
    // Never hang on a stuck engine stream: quit after at most two seconds.
    void Promise.race([done, new Promise((r) => setTimeout(r, 2000))]).then(() => app.quit());
  });
}
