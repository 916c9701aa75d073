import { beforeAll, describe, expect, it, vi } from 'vitest';
import { EVENT_NAMES } from '../../vm-backend/api/contract';

const m = vi.hoisted(() => ({
  exposed: new Map<string, unknown>(),
  rendererListeners: new Map<string, (...args: unknown[]) => void>(),
  invoke: null as unknown as ReturnType<typeof import('vitest').vi.fn>,
  getPathForFile: null as unknown as ReturnType<typeof import('vitest').vi.fn>,
}));
vi.mock('electron', async () => {
  const { vi } = await import('vitest');
  m.invoke = vi.fn(async () => ({ ok: true, value: 1 }));
  m.getPathForFile = vi.fn(() => '/home/me/a.txt');
  return {
    webUtils: { getPathForFile: m.getPathForFile },
    contextBridge: { exposeInMainWorld: (key: string, value: unknown) => m.exposed.set(key, value) },
    ipcRenderer: {
      invoke: m.invoke,
      on: (ch: string, l: (...args: unknown[]) => void) => m.rendererListeners.set(ch, l),
    },
  };
});

type Api = {
  invoke(name: string, input: unknown): Promise<unknown>;
  on(event: string, listener: (p: unknown) => void): () => void;
  openExternal(url: string): Promise<boolean>;
  saveLogs(id: string, options: { timestamps: boolean }): Promise<boolean>;
  pickFolder(...args: unknown[]): Promise<string | null>;
  chooseSavePath(defaultName: unknown): Promise<unknown>;
  pathForFile(file: unknown): string;
  setTheme(source: unknown): Promise<void>;
  platform: string;
};
let api: Api;
const push = (name: unknown, payload: unknown) =>
  m.rendererListeners.get('wharf:event')!({ sender: {} }, name, payload);

beforeAll(async () => {
  await import('./index');
  api = m.exposed.get('wharf') as Api;
});

describe('preload', () => {
  it('exposes only window.wharf: a frozen object with exactly the nine members', () => {
    expect([...m.exposed.keys()]).toEqual(['wharf']);
    expect(Object.isFrozen(api)).toBe(true);
    expect(Object.keys(api).sort()).toEqual([
      'chooseSavePath',
      'invoke',
      'on',
      'openExternal',
      'pathForFile',
      'pickFolder',
      'platform',
      'saveLogs',
      'setTheme',
    ]);
    expect(api.platform).toBe(process.platform);
    expect(JSON.stringify(Object.values(api))).not.toMatch(/ipcRenderer/);
  });

  it('saveLogs goes over its own channel with only a boolean option', async () => {
    m.invoke.mockClear();
    await api.saveLogs('web-1', { timestamps: 'yes' as unknown as boolean });
    expect(m.invoke.mock.calls).toEqual([['wharf:save-logs', 'web-1', { timestamps: false }]]);
  });

  it('pickFolder goes over its own channel and passes no argument from the page', async () => {
    m.invoke.mockClear();
    await api.pickFolder('/etc', { properties: ['openFile'] });
    expect(m.invoke.mock.calls).toEqual([['wharf:pick-folder']]);
  });

  it('chooseSavePath goes over its own channel with only a string name', async () => {
    m.invoke.mockClear();
    await api.chooseSavePath('report.csv');
    await api.chooseSavePath(42);
    await api.chooseSavePath({ toString: () => '../x' });
    expect(m.invoke.mock.calls).toEqual([
      ['wharf:choose-save-path', 'report.csv'],
      ['wharf:choose-save-path', '42'],
      ['wharf:choose-save-path', '../x'],
    ]);
  });

  it("pathForFile answers webUtils' path without IPC, and '' when it has none or throws", () => {
    m.invoke.mockClear();
    const file = { name: 'a.txt' };
    expect(api.pathForFile(file)).toBe('/home/me/a.txt');
    expect(m.getPathForFile).toHaveBeenCalledWith(file);
    m.getPathForFile.mockReturnValueOnce(undefined);
    expect(api.pathForFile(file)).toBe('');
    m.getPathForFile.mockImplementationOnce(() => {
      throw new TypeError('not a File');
    });
    expect(api.pathForFile('nope')).toBe('');
    expect(m.invoke).not.toHaveBeenCalled();
  });

  it('setTheme sends only a theme source over its own channel; anything else is "system"', async () => {
    m.invoke.mockClear();
    await api.setTheme('dark');
    await api.setTheme({ toString: () => 'dark' });
    await api.setTheme('__proto__');
    expect(m.invoke.mock.calls).toEqual([
      ['wharf:set-theme', 'dark'],
      ['wharf:set-theme', 'system'],
      ['wharf:set-theme', 'system'],
    ]);
  });

  it('invoke and openExternal go over the two wharf channels and nothing else', async () => {
    m.invoke.mockClear();
    expect(await api.invoke('images:list', { a: 1 })).toEqual({ ok: true, value: 1 });
    await api.openExternal('https://docs.docker.com/');
    expect(m.invoke.mock.calls).toEqual([
      ['wharf:invoke', 'images:list', { a: 1 }],
      ['wharf:open-external', 'https://docs.docker.com/'],
    ]);
  });

  it('rejects event names outside the contract', () => {
    for (const bad of ['wharf:invoke', 'constructor', '__proto__', '', 'ENGINE:STATE']) {
      expect(() => api.on(bad, () => {}), bad).toThrow(TypeError);
    }
  });

  it('delivers contract events to their listeners (payload only) until unsubscribed', () => {
    for (const name of EVENT_NAMES) expect(() => api.on(name, () => {})()).not.toThrow();
    const seen: unknown[] = [];
    const off = api.on('containers:changed', (p) => seen.push(p));
    const other = vi.fn();
    api.on('images:changed', other);
    push('containers:changed', { upsert: [] });
    push('not-an-event', 1);
    off();
    push('containers:changed', { upsert: ['late'] });
    expect(seen).toEqual([{ upsert: [] }]);
    expect(other).not.toHaveBeenCalled();
  });

  it('keeps delivering when one listener throws', () => {
    const good = vi.fn();
    api.on('engine:state', () => {
      throw new Error('broken');
    });
    api.on('engine:state', good);
    push('engine:state', { state: 'ready' });
    expect(good).toHaveBeenCalledWith({ state: 'ready' });
  });
});
