import { EventEmitter } from 'node:events';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { EVENT_NAMES } from '../../vm-backend/api/contract';
import type { ClientLink } from '../../vm-backend/api/client-link';
import type { Backend } from '../../vm-backend/wiring/backend-types';
import { appPage } from './app-url';
import {
  CHOOSE_SAVE_PATH_CHANNEL,
  EVENT_CHANNEL,
  INVOKE_CHANNEL,
  OPEN_EXTERNAL_CHANNEL,
  PICK_FOLDER_CHANNEL,
  SET_THEME_CHANNEL,
  SAVE_LOGS_CHANNEL,
  isTrustedSender,
  registerIpc,
} from './ipc';
import { opener } from './test-fakes';

const electron = vi.hoisted(() => ({
  handlers: new Map<string, (event: unknown, ...args: unknown[]) => unknown>(),
}));
vi.mock('electron', () => ({
  ipcMain: {
    handle: (ch: string, h: (event: unknown, ...args: unknown[]) => unknown) => electron.handlers.set(ch, h),
    removeHandler: (ch: string) => electron.handlers.delete(ch),
  },
}));

const page = appPage('/app/out/main', undefined, true);

function frame(url: string, token = 'main', parent: unknown = null) {
  return { url, frameToken: token, processId: 7, parent };
}

function fakeWindow() {
  const mainFrame = frame(page.url);
  const webContents = Object.assign(new EventEmitter(), {
    mainFrame,
    isDestroyed: () => false,
    getURL: () => mainFrame.url,
    send: vi.fn(),
  });
  return {
    destroyed: false,
    isDestroyed() {
      return this.destroyed;
    },
    webContents,
  };
}
type Win = ReturnType<typeof fakeWindow>;

function fakeBackend() {
  const listeners = new Map<string, (p: unknown) => void>();
  const envelope = { ok: true as const, value: ['row'] };
  const backend = {
    invoke: vi.fn(async (_n: string, _i: unknown, _c?: ClientLink) => envelope),
    on: vi.fn((event: string, l: (p: unknown) => void) => {
      listeners.set(event, l);
      return () => listeners.delete(event);
    }),
    close: vi.fn(async () => {}),
  };
  return { backend, listeners, envelope };
}

const ev = (win: Win, senderFrame: unknown, sender: unknown = win.webContents) => ({ sender, senderFrame }) as never;

describe('isTrustedSender', () => {
  it('accepts the main frame of our window showing our page (any hash)', () => {
    const win = fakeWindow();
    expect(isTrustedSender(ev(win, win.webContents.mainFrame), win as never, page.isAppUrl)).toBe(true);
    expect(isTrustedSender(ev(win, frame(`${page.url}#/images`)), win as never, page.isAppUrl)).toBe(true);
  });

  it('refuses a foreign URL, a subframe, another webContents, a missing frame or a closed window', () => {
    const win = fakeWindow();
    const t = (e: never, w: unknown = win) => isTrustedSender(e, w as never, page.isAppUrl);
    expect(t(ev(win, frame('https://evil.example/')))).toBe(false);
    expect(t(ev(win, frame('file:///tmp/evil.html')))).toBe(false);
    expect(t(ev(win, frame(page.url, 'child', win.webContents.mainFrame)))).toBe(false);
    expect(t(ev(win, frame(page.url, 'other-token')))).toBe(false);
    expect(t(ev(win, win.webContents.mainFrame, { other: true }))).toBe(false);
    expect(t(ev(win, null))).toBe(false);
    expect(t(ev(win, win.webContents.mainFrame), null)).toBe(false);
    win.destroyed = true;
    expect(t(ev(win, win.webContents.mainFrame))).toBe(false);
  });
});

describe('registerIpc', () => {
  let win: Win;
  let b: ReturnType<typeof fakeBackend>;
  let openExternal: ReturnType<typeof opener>;
  let tapped: [string, unknown][];
  let setThemeSource: ReturnType<typeof vi.fn<(s: string) => void>>;
  let chooseFolder: ReturnType<typeof vi.fn<() => Promise<string | null>>>;
  let chooseSavePath: ReturnType<typeof vi.fn<(name: string) => Promise<string | null>>>;
  let dispose: () => void;

  beforeEach(() => {
    electron.handlers.clear();
    win = fakeWindow();
    b = fakeBackend();
    openExternal = opener();
    chooseFolder = vi.fn(async () => '/home/me/app');
    chooseSavePath = vi.fn(async (name: string) => `/home/me/Downloads/${name}`);
    tapped = [];
    setThemeSource = vi.fn();
    dispose = registerIpc({
      backend: b.backend as Backend,
      window: () => win as never,
      isAppUrl: page.isAppUrl,
      openExternal,
      chooseLogFile: vi.fn(async () => null),
      chooseFolder,
      chooseSavePath,
      setThemeSource,
      onWindowEvent: (name, payload) => {
        tapped.push([name, payload]);
        if (name === 'logs:end') throw new Error('a broken tap');
      },
    });
  });
  const call = (ch: string, e: unknown, ...args: unknown[]) =>
    Promise.resolve().then(() => electron.handlers.get(ch)!(e, ...args));

  it('forwards name and input untouched and answers with the backend envelope', async () => {
    const input = { ids: ['a'], action: 'stop', extra: { nested: true } };
    const out = await call(INVOKE_CHANNEL, ev(win, win.webContents.mainFrame), 'containers:action', input);
    expect(out).toBe(b.envelope);
    expect(b.backend.invoke).toHaveBeenCalledWith(
      'containers:action',
      input,
      expect.objectContaining({ id: expect.any(String) }),
    );
  });

  it('refuses a foreign sender without reaching the backend', async () => {
    await expect(call(INVOKE_CHANNEL, ev(win, frame('https://evil.example/')), 'images:list', {})).rejects.toThrow(
      /not the Wharf window/,
    );
    await expect(
      call(OPEN_EXTERNAL_CHANNEL, ev(win, frame('https://evil.example/')), 'https://docs.docker.com/'),
    ).rejects.toThrow();
    await expect(call(SAVE_LOGS_CHANNEL, ev(win, frame('https://evil.example/')), 'web-1', {})).rejects.toThrow(
      /not the Wharf window/,
    );
    await expect(call(PICK_FOLDER_CHANNEL, ev(win, frame('https://evil.example/')))).rejects.toThrow(
      /not the Wharf window/,
    );
    await expect(
      call(PICK_FOLDER_CHANNEL, ev(win, frame(page.url, 'child', win.webContents.mainFrame))),
    ).rejects.toThrow(/not the Wharf window/);
    expect(b.backend.invoke).not.toHaveBeenCalled();
    expect(openExternal).not.toHaveBeenCalled();
    expect(chooseFolder).not.toHaveBeenCalled();
  });

  it("sets the app's theme source from our page only, and only to a known value", async () => {
    const e = ev(win, win.webContents.mainFrame);
    await call(SET_THEME_CHANNEL, e, 'dark');
    await call(SET_THEME_CHANNEL, e, 'purple');
    await call(SET_THEME_CHANNEL, e, { source: 'light' });
    await expect(call(SET_THEME_CHANNEL, ev(win, frame('https://evil.example/')), 'light')).rejects.toThrow(
      /not the Wharf window/,
    );
    expect(setThemeSource.mock.calls).toEqual([['dark']]);
  });

  it("opens the folder dialog for our page, ignoring the page's arguments", async () => {
    const e = ev(win, win.webContents.mainFrame);
    expect(await call(PICK_FOLDER_CHANNEL, e, { defaultPath: '/etc' })).toBe('/home/me/app');
    expect(chooseFolder).toHaveBeenCalledWith();
    chooseFolder.mockResolvedValueOnce(null);
    expect(await call(PICK_FOLDER_CHANNEL, e)).toBeNull();
  });

  it('opens the save dialog for our page with only a sanitised name, and splits its answer', async () => {
    const e = ev(win, win.webContents.mainFrame);
    expect(await call(CHOOSE_SAVE_PATH_CHANNEL, e, '../../etc/passwd')).toEqual({
      folder: '/home/me/Downloads',
      name: 'passwd',
    });
    await call(CHOOSE_SAVE_PATH_CHANNEL, e, 'a\\b\u0000c.txt');
    await call(CHOOSE_SAVE_PATH_CHANNEL, e, { name: 'x' });
    expect(chooseSavePath.mock.calls).toEqual([['passwd'], ['bc.txt'], ['download']]);
    chooseSavePath.mockResolvedValueOnce(null);
    expect(await call(CHOOSE_SAVE_PATH_CHANNEL, e, 'app.log')).toBeNull();
  });

  it('refuses the save dialog to a foreign sender or a subframe', async () => {
    await expect(call(CHOOSE_SAVE_PATH_CHANNEL, ev(win, frame('https://evil.example/')), 'a.txt')).rejects.toThrow(
      /not the Wharf window/,
    );
    await expect(
      call(CHOOSE_SAVE_PATH_CHANNEL, ev(win, frame(page.url, 'child', win.webContents.mainFrame)), 'a.txt'),
    ).rejects.toThrow(/not the Wharf window/);
    expect(chooseSavePath).not.toHaveBeenCalled();
  });

  it('opens allowed URLs and refuses javascript:, file: and foreign hosts', async () => {
    const e = ev(win, win.webContents.mainFrame);
    for (const url of ['javascript:alert(1)', 'file:///etc/passwd', 'http://evil.example']) {
      expect(await call(OPEN_EXTERNAL_CHANNEL, e, url)).toBe(false);
    }
    expect(openExternal).not.toHaveBeenCalled();
    expect(await call(OPEN_EXTERNAL_CHANNEL, e, 'http://localhost:8080/')).toBe(true);
    expect(openExternal).toHaveBeenCalledWith('http://localhost:8080/');
  });

  it('forwards every contract event to the live window and stops after dispose', () => {
    expect([...b.listeners.keys()].sort()).toEqual([...EVENT_NAMES].sort());
    b.listeners.get('engine:state')!({ state: 'ready' });
    expect(win.webContents.send).toHaveBeenCalledWith(EVENT_CHANNEL, 'engine:state', { state: 'ready' });
    win.destroyed = true;
    b.listeners.get('images:changed')!({});
    expect(win.webContents.send).toHaveBeenCalledTimes(1);
    dispose();
    expect(b.listeners.size).toBe(0);
    expect(electron.handlers.size).toBe(0);
  });

  it('gives each window one ClientLink: its stream events reach that window only, and it closes with the page', async () => {
    const e = ev(win, win.webContents.mainFrame);
    await call(INVOKE_CHANNEL, e, 'logs:open', {});
    await call(INVOKE_CHANNEL, e, 'logs:close', {});
    const [l1, l2] = b.backend.invoke.mock.calls.map((c) => (c as unknown[])[2] as ClientLink);
    expect(l1).toBe(l2);
    const closed = vi.fn();
    l1!.onClose(closed);
    l1!.send('logs:chunk', { stream: 's', data: 'x' });
    expect(win.webContents.send).toHaveBeenCalledWith(EVENT_CHANNEL, 'logs:chunk', { stream: 's', data: 'x' });
    // The main process sees what the window is sent (pull notices); a failing tap changes nothing.
    expect(tapped).toEqual([['logs:chunk', { stream: 's', data: 'x' }]]);
    l1!.send('logs:end', { stream: 's' } as never);
    expect(win.webContents.send).toHaveBeenCalledWith(EVENT_CHANNEL, 'logs:end', { stream: 's' });
    win.webContents.emit('did-start-navigation', { isMainFrame: true, isSameDocument: true });
    expect(closed).not.toHaveBeenCalled();
    win.webContents.emit('did-start-navigation', { isMainFrame: true, isSameDocument: false });
    expect(closed).toHaveBeenCalledTimes(1);
    await call(INVOKE_CHANNEL, e, 'logs:open', {});
    const l3 = (b.backend.invoke.mock.calls[2] as unknown[])[2] as ClientLink;
    expect(l3.id).not.toBe(l1!.id);
    const closed3 = vi.fn();
    l3.onClose(closed3);
    win.webContents.emit('destroyed');
    expect(closed3).toHaveBeenCalledTimes(1);
  });
});
