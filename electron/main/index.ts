// Electron entry: one locked instance, one hardened window opened at once, the backend on the
// chosen target (Wharf's VM boots inside the open window), and a quit that asks about the VM.
// Thin on purpose: every behaviour lives in vm-backend/ or in the small modules beside this one.
import {
  app,
  BrowserWindow,
  dialog,
  Menu,
  Notification,
  nativeTheme,
  protocol,
  safeStorage,
  session,
  shell,
} from 'electron';
import { join } from 'node:path';
import { createBackend } from '../../vm-backend/wiring/backend';
import type { Backend } from '../../vm-backend/wiring/backend-types';
import { wharfDataDir } from '../../vm-backend/connection/data-dir';
import { targetConnector } from '../../vm-backend/wiring/connect-target';
import { TargetStore } from '../../vm-backend/connection/targets';
import { createVmManager } from '../../vm-backend/vm/vm-setup';
import { vmConnection } from '../../vm-backend/vm/guest/vm-connection';
import type { VmOverview } from '../../vm-backend/api/contract.vm';
import { appMenuTemplate } from './app-menu';
import { registerAppScheme, serveApp } from './app-protocol';
import { appPage } from './app-url';
import { type DesktopArgs, parseDesktopArgs, UsageError } from './args';
import { deferredBackend } from './deferred-backend';
import { DesktopPrefsFile } from './desktop-prefs';
import { registerIpc } from './ipc';
import { pickFolder } from './pick-folder';
import { PullNotices } from './pull-notice';
import { answerAt } from './quit-decision';
import { quitDialogOptions } from './quit-dialog';
import { quitFlow } from './quit-flow';
import { hardenSession, hardenWebContents, openIfAllowed, type SecurityDeps } from './security';
import { shellText } from './shell-text';
import { startBackend } from './start-backend';
import { createTray } from './tray';
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
  // Before ready, as Electron requires: wharf:// is a standard, secure scheme (the page's origin).
  registerAppScheme(protocol);
  const deps: SecurityDeps = { isAppUrl: page.isAppUrl, openExternal: (url) => shell.openExternal(url) };
  const preloadPath = join(__dirname, '../preload/index.js');
  let win: BrowserWindow | null = null;
  let backend: Backend | null = null;
  let disposeIpc: (() => void) | null = null;
  let trayShown = false;

  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, deps));

  const showWindow = (): void => {
    // A second launch before this one is ready: its window is about to open anyway.
    if (!app.isReady()) return;
    if (!win || win.isDestroyed()) {
      openWindow();
      return;
    }
    if (win.isMinimized()) win.restore();
    win.show();
    win.focus();
  };
  app.on('second-instance', showWindow);

  let prefs: DesktopPrefsFile | null = null;
  function openWindow(): void {
    const place = prefs
      ? { saved: prefs.read().window, save: (state: unknown) => void prefs?.update({ window: state }) }
      : undefined;
    win = createMainWindow(page, preloadPath, deps, place);
    win.on('closed', () => (win = null));
  }

  void app.whenReady().then(() => {
    const t = shellText(app.getLocale());
    Menu.setApplicationMenu(
      Menu.buildFromTemplate(
        appMenuTemplate({
          packaged: app.isPackaged,
          platform: process.platform,
          t,
          openDocs: () => void openIfAllowed('https://docs.docker.com/', deps.openExternal),
        }),
      ),
    );
    const pullNotices = new PullNotices(t);
    const settings = new DesktopPrefsFile(app.getPath('userData'));
    prefs = settings;
    // The built renderer on wharf://app/, its CSP a response header (app-protocol.ts). Vite's dev
    // server needs its inline preamble, so it gets no CSP.
    serveApp(protocol, page.rendererDir);
    hardenSession(session.defaultSession, {
      csp: app.isPackaged || !process.env.ELECTRON_RENDERER_URL,
      isAppUrl: page.isAppUrl,
    });
    // No --engine: the target chosen with `wharf context use` (local until one is chosen). The
    // same connector as web mode, so the Targets screen can switch engines here too.
    const dataDir = wharfDataDir();
    const connect = targetConnector({ dataDir });
    const secretCodec = keychainCodec(safeStorage);
    const starting = (async () => {
      const given = process.argv.some((a) => a === '--engine' || a.startsWith('--engine='));
      const target = new TargetStore(dataDir).startTarget(given ? desktopArgs.engine : undefined, desktopArgs.identity);
      return startBackend({
        target,
        connect,
        makeVm: () => createVmManager(dataDir),
        vmConnection,
        // Start-up problems (a data folder Wharf cannot write, a VM that did not boot) reach the
        // terminal too; the window shows them.
        log: (l) => console.error(l),
        create: (connected) =>
          createBackend({
            ...connected,
            target,
            dataDir,
            connect,
            dockerSocket: true,
            log: (l) => console.error(l),
            ...(secretCodec ? { secretCodec } : {}),
          }),
      });
    })();
    // The window opens now; its calls wait for the backend (a VM's reconcile, not its boot).
    backend = deferredBackend(starting);
    starting.catch((e: unknown) => console.error(`wharf: ${e instanceof Error ? e.message : String(e)}`));
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
      // File browser downloads: the name is already one safe segment (ipc.ts); Downloads is where it starts.
      chooseSavePath: async (name) => {
        const options = { defaultPath: join(app.getPath('downloads'), name) };
        const r = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
        return r.canceled || !r.filePath ? null : r.filePath;
      },
      setThemeSource: (source) => {
        nativeTheme.themeSource = source;
      },
      // A pull that ends while the user is in another app: a native notification (click: back to Wharf).
      onWindowEvent: (name, payload) => {
        if (name !== 'pull:progress') return;
        const notice = pullNotices.next(payload, !!win && !win.isDestroyed() && win.isFocused());
        if (!notice || !Notification.isSupported()) return;
        const n = new Notification({ title: notice.title, body: notice.body });
        n.on('click', showWindow);
        n.show();
      },
    });
    openWindow();
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) openWindow();
    });

    const quitting = quitFlow({
      vmState: async () => {
        const r = await Promise.race([
          backend?.invoke('vm:overview', {}),
          new Promise<undefined>((res) => setTimeout(() => res(undefined), 3000)),
        ]);
        return r?.ok ? ((r.value as VmOverview).status?.state ?? null) : null;
      },
      preference: () => settings.read().quitVm,
      savePreference: (quitVm) => void settings.update({ quitVm }),
      ask: async () => {
        // Asked over the window when there is one; never reopened just to ask (all windows closed).
        if (win && !win.isDestroyed()) showWindow();
        const options = quitDialogOptions(t);
        const r = win ? await dialog.showMessageBox(win, options) : await dialog.showMessageBox(options);
        return { answer: answerAt(r.response), remember: r.checkboxChecked };
      },
      // The window stays while the VM stops: its panel shows the containers stopping.
      stopVm: async () => void (await backend?.invoke('vm:stop', {})),
      closeBackend: async () => {
        try {
          disposeIpc?.();
        } finally {
          // Whatever the IPC teardown did, the engine streams and timers still end.
          await backend?.close();
        }
      },
      exit: () => app.quit(),
    });
    app.on('before-quit', (event) => quitting.request(() => event.preventDefault()));

    try {
      const iconPath = app.isPackaged
        ? join(process.resourcesPath, 'icon.png')
        : join(__dirname, '../../assets/icon.png');
      const { dispose } = createTray({
        iconPath,
        t,
        backend,
        open: showWindow,
        quit: () => app.quit(),
        platform: process.platform,
      });
      trayShown = true;
      app.on('will-quit', dispose);
    } catch (e) {
      // A desktop without a tray area: the window and the menu still do everything.
      console.error(`wharf: no tray icon: ${(e as Error).message}`);
    }
  });

  // macOS keeps apps open without windows; Windows keeps Wharf in its notification area, as
  // Docker Desktop does (Quit is in the tray). Linux quits: many desktops show no tray.
  app.on('window-all-closed', () => {
    if (process.platform === 'darwin' || (process.platform === 'win32' && trayShown)) return;
    app.quit();
  });
}
