// The entry's wiring, with the fake of Electron's modules and the backend's start-up held open:
// the scheme is registered before ready, the window opens before the backend exists, the page's
// first call waits for it, and quitting with the VM running asks once, then stops it.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';

type Handler = (...args: unknown[]) => unknown;
const m = vi.hoisted(() => {
  let ready: () => void = () => {};
  let answerStart: (b: unknown) => void = () => {};
  return {
    order: [] as string[],
    appHandlers: new Map<string, Handler[]>(),
    ipc: new Map<string, Handler>(),
    windows: [] as { options: Record<string, unknown>; webContents: { mainFrame: unknown } }[],
    readyPromise: new Promise<void>((r) => (ready = r)),
    ready: () => ready(),
    started: new Promise<unknown>((r) => (answerStart = r)),
    answerStart: (b: unknown) => answerStart(b),
    quit: vi.fn(),
    messageBox: vi.fn(async () => ({ response: 0, checkboxChecked: false })),
    saveDialog: vi.fn(async (..._args: unknown[]) => ({ canceled: false, filePath: '/home/me/Downloads/passwd' })),
  };
});

vi.mock('./start-backend', () => ({
  startBackend: () => {
    m.order.push('startBackend');
    return m.started;
  },
}));

vi.mock('electron', () => {
  class Emitter {
    handlers = new Map<string, Handler>();
    on(name: string, h: Handler) {
      this.handlers.set(name, h);
      return this;
    }
    once(name: string, h: Handler) {
      return this.on(name, h);
    }
  }
  // The fake webContents has no removeListener: the IPC teardown at quit throws, as any teardown
  // might, and the backend must be closed anyway.
  class BrowserWindow extends Emitter {
    static getAllWindows = () => m.windows;
    webContents = Object.assign(new Emitter(), {
      setWindowOpenHandler: () => {},
      isDestroyed: () => false,
      getURL: () => 'wharf://app/index.html',
      send: () => {},
      mainFrame: { url: 'wharf://app/index.html', frameToken: 't', processId: 1, parent: null },
    });
    constructor(public options: Record<string, unknown>) {
      super();
      m.order.push('window');
      m.windows.push(this);
    }
    loadURL(url: string) {
      m.order.push(`load ${url}`);
      return Promise.resolve();
    }
    isDestroyed = () => false;
    isMinimized = () => false;
    isFocused = () => true;
    isMaximized = () => false;
    show() {}
    focus() {}
    getNormalBounds = () => ({ x: 0, y: 0, width: 1200, height: 780 });
  }
  return {
    app: {
      requestSingleInstanceLock: () => true,
      isPackaged: false,
      isReady: () => true,
      getLocale: () => 'en-US',
      getPath: (name: string) =>
        name === 'downloads' ? '/home/me/Downloads' : mkdtempSync(join(tmpdir(), 'wharf-userdata-')),
      whenReady: () => m.readyPromise,
      on: (name: string, h: Handler) => m.appHandlers.set(name, [...(m.appHandlers.get(name) ?? []), h]),
      quit: m.quit,
      exit: vi.fn(),
    },
    BrowserWindow,
    dialog: { showMessageBox: m.messageBox, showSaveDialog: m.saveDialog, showOpenDialog: vi.fn() },
    Menu: { setApplicationMenu: vi.fn(), buildFromTemplate: (t: unknown) => t },
    Notification: Object.assign(class {}, { isSupported: () => false }),
    nativeTheme: {},
    nativeImage: { createFromPath: () => ({ resize: () => ({}) }) },
    Tray: class extends Emitter {
      setContextMenu() {}
      setToolTip() {}
      destroy() {}
    },
    protocol: {
      registerSchemesAsPrivileged: () => m.order.push('registerScheme'),
      handle: (scheme: string) => m.order.push(`handle ${scheme}`),
    },
    safeStorage: { isEncryptionAvailable: () => false },
    session: {
      defaultSession: {
        webRequest: { onHeadersReceived: () => {} },
        setPermissionRequestHandler: () => {},
        setPermissionCheckHandler: () => {},
        setDevicePermissionHandler: () => {},
      },
    },
    screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] },
    shell: { openExternal: vi.fn() },
    ipcMain: {
      handle: (ch: string, h: Handler) => m.ipc.set(ch, h),
      removeHandler: (ch: string) => m.ipc.delete(ch),
    },
  };
});

const vmState = { value: 'running' };
const backend = {
  invoke: vi.fn(async (name: string) => {
    if (name === 'vm:overview')
      return { ok: true, value: { available: true, status: { name: 'default', state: vmState.value } } };
    return { ok: true, value: name };
  }),
  on: vi.fn(() => () => {}),
  close: vi.fn(async () => {}),
};

beforeAll(async () => {
  process.env.WHARF_DATA_DIR = mkdtempSync(join(tmpdir(), 'wharf-index-'));
  await import('./index');
});

const fromPage = () => {
  const win = m.windows[0];
  return { sender: win?.webContents, senderFrame: win?.webContents.mainFrame };
};

describe('the desktop entry', () => {
  it('registers wharf:// before ready, then opens the window before the backend exists', async () => {
    expect(m.order).toEqual(['registerScheme']);
    m.ready();
    await vi.waitFor(() => expect(m.order).toContain('window'));
    expect(m.order.indexOf('handle wharf')).toBeLessThan(m.order.indexOf('window'));
    expect(m.order).toContain('load wharf://app/index.html');
    // The page's first call is held until start-up ends, then answered by the real backend.
    const first = (m.ipc.get('wharf:invoke') as Handler)(fromPage(), 'engine:status', {}) as Promise<unknown>;
    let answered = false;
    void first.then(() => (answered = true));
    await new Promise((r) => setTimeout(r, 20));
    expect(answered).toBe(false);
    m.answerStart(backend);
    expect(await first).toEqual({ ok: true, value: 'engine:status' });
  });

  it("asks where to save a download over the window, in Downloads, with the page's name cut to one segment", async () => {
    const choose = m.ipc.get('wharf:choose-save-path') as Handler;
    expect(await choose(fromPage(), '../../etc/passwd')).toEqual({ folder: '/home/me/Downloads', name: 'passwd' });
    expect(m.saveDialog.mock.calls).toEqual([[m.windows[0], { defaultPath: join('/home/me/Downloads', 'passwd') }]]);
    m.saveDialog.mockResolvedValueOnce({ canceled: true, filePath: '/home/me/Downloads/a.txt' });
    expect(await choose(fromPage(), 'a.txt')).toBeNull();
  });

  it('quitting with the VM running asks once, then stops the VM, closes the backend and quits', async () => {
    const beforeQuit = m.appHandlers.get('before-quit')?.[0] as Handler;
    const prevent = vi.fn();
    beforeQuit({ preventDefault: prevent });
    beforeQuit({ preventDefault: prevent });
    expect(prevent).toHaveBeenCalledTimes(2);
    await vi.waitFor(() => expect(m.quit).toHaveBeenCalled());
    expect(m.messageBox).toHaveBeenCalledTimes(1);
    expect((m.messageBox.mock.calls[0] as unknown[]).at(-1)).toMatchObject({ message: 'Stop the VM too?' });
    expect(backend.invoke.mock.calls.filter((c) => c[0] === 'vm:stop')).toHaveLength(1);
    expect(backend.close).toHaveBeenCalled();
    // app.quit()'s own before-quit now passes.
    const after = vi.fn();
    beforeQuit({ preventDefault: after });
    expect(after).not.toHaveBeenCalled();
  });
});
