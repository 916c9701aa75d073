import { beforeEach, describe, expect, it, vi } from 'vitest';
import { appPage } from './app-url';
import { createMainWindow } from './window';

type Handler = () => void;
const m = vi.hoisted(() => ({
  created: [] as {
    options: Record<string, unknown>;
    loaded: string[];
    handlers: Map<string, Handler>;
    maximized: boolean;
  }[],
  displays: [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }],
}));
vi.mock('electron', () => ({
  BrowserWindow: class {
    loaded: string[] = [];
    handlers = new Map<string, Handler>();
    maximized = false;
    webContents = { on: () => {}, setWindowOpenHandler: () => {} };
    constructor(public options: Record<string, unknown>) {
      m.created.push(this);
    }
    loadURL(url: string) {
      this.loaded.push(url);
      return Promise.resolve();
    }
    once(name: string, h: Handler) {
      this.handlers.set(name, h);
    }
    on(name: string, h: Handler) {
      this.handlers.set(name, h);
    }
    show() {}
    maximize() {
      this.maximized = true;
    }
    isMaximized() {
      return this.maximized;
    }
    getNormalBounds() {
      return { x: 40, y: 50, width: 1000.4, height: 700 };
    }
  },
  screen: { getAllDisplays: () => m.displays },
}));

const page = appPage('/app/out/main', undefined, true);
const deps = { isAppUrl: page.isAppUrl, openExternal: async () => {} };

beforeEach(() => {
  m.created.length = 0;
});

describe('createMainWindow', () => {
  it('builds one secure window titled Wharf that loads our page with our preload', () => {
    createMainWindow(page, '/app/out/preload/index.js', deps);
    expect(m.created).toHaveLength(1);
    const [win] = m.created;
    expect(win?.options.title).toBe('Wharf');
    expect(win?.options).toMatchObject({ width: 1200, height: 780, minWidth: 720, minHeight: 480 });
    expect(win?.options.webPreferences).toMatchObject({
      preload: '/app/out/preload/index.js',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
    });
    expect(win?.loaded).toEqual([page.url]);
  });

  it('opens where it was, maximized again, and saves its place when closed', () => {
    const save = vi.fn();
    createMainWindow(page, '/p.js', deps, {
      saved: { x: 100, y: 100, width: 900, height: 600, maximized: true },
      save,
    });
    const [win] = m.created;
    expect(win?.options).toMatchObject({ x: 100, y: 100, width: 900, height: 600 });
    win?.handlers.get('ready-to-show')?.();
    expect(win?.maximized).toBe(true);
    win?.handlers.get('close')?.();
    expect(save).toHaveBeenCalledWith({ x: 40, y: 50, width: 1000, height: 700, maximized: true });
  });

  it('a saved place on a display that is gone, or junk, opens at the default size', () => {
    for (const saved of [{ x: 5000, y: 100, width: 900, height: 600 }, '{corrupt']) {
      m.created.length = 0;
      createMainWindow(page, '/p.js', deps, { saved, save: () => {} });
      expect(m.created[0]?.options).toMatchObject({ width: 1200, height: 780 });
      expect(m.created[0]?.options.x).toBeUndefined();
    }
  });
});
