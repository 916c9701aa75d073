import { describe, expect, it, vi } from 'vitest';
import { appPage } from './app-url';
import { createMainWindow } from './window';

const m = vi.hoisted(() => ({ created: [] as { options: Record<string, unknown>; loaded: string[] }[] }));
vi.mock('electron', () => ({
  BrowserWindow: class {
    loaded: string[] = [];
    webContents = { on: () => {}, setWindowOpenHandler: () => {} };
    constructor(public options: Record<string, unknown>) {
      m.created.push(this);
    }
    loadURL(url: string) {
      this.loaded.push(url);
      return Promise.resolve();
    }
    once() {}
  },
}));

describe('createMainWindow', () => {
  it('builds one secure window titled Wharf that loads our page with our preload', () => {
    const page = appPage('/app/out/main', undefined, true);
    createMainWindow(page, '/app/out/preload/index.js', { isAppUrl: page.isAppUrl, openExternal: async () => {} });
    expect(m.created).toHaveLength(1);
    const [win] = m.created;
    expect(win?.options.title).toBe('Wharf');
    expect(win?.options.webPreferences).toMatchObject({
      preload: '/app/out/preload/index.js',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
    });
    expect(win?.loaded).toEqual(['file:///app/out/renderer/index.html']);
  });
});
