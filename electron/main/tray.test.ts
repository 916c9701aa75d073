import { beforeEach, describe, expect, it, vi } from 'vitest';
import { shellText } from './shell-text';
import { createTray } from './tray';

type Item = { label?: string; type?: string; enabled?: boolean; click?: () => void };
const m = vi.hoisted(() => ({
  trays: [] as {
    menu: Item[];
    tooltip: string;
    clicks: (() => void)[];
    destroyed: boolean;
    image: unknown;
  }[],
  builds: 0,
}));
vi.mock('electron', () => ({
  nativeImage: { createFromPath: (p: string) => ({ resize: (s: unknown) => ({ path: p, size: s }) }) },
  Menu: {
    buildFromTemplate: (items: Item[]) => {
      m.builds += 1;
      return { items };
    },
  },
  Tray: class {
    menu: Item[] = [];
    tooltip = '';
    clicks: (() => void)[] = [];
    destroyed = false;
    constructor(public image: unknown) {
      m.trays.push(this);
    }
    setContextMenu(menu: { items: Item[] }) {
      this.menu = menu.items;
    }
    setToolTip(t: string) {
      this.tooltip = t;
    }
    on(_e: string, h: () => void) {
      this.clicks.push(h);
    }
    destroy() {
      this.destroyed = true;
    }
  },
}));

function fakeBackend() {
  const listeners = new Map<string, (p: unknown) => void>();
  const answers: Record<string, unknown> = {
    'engine:status': { state: 'ready', endpoint: 'x' },
    'vm:overview': { available: true, status: { name: 'default', state: 'stopped', progress: '', since: 0 } },
    'containers:list': { rows: [{ id: 'a', state: 'running' }], seq: 1 },
  };
  return {
    listeners,
    emit: (e: string, p: unknown) => listeners.get(e)?.(p),
    on: vi.fn((e: string, l: (p: unknown) => void) => {
      listeners.set(e, l);
      return () => listeners.delete(e);
    }),
    invoke: vi.fn(async (name: string) => ({ ok: true as const, value: answers[name] ?? null })),
  };
}

const labels = () => (m.trays.at(-1)?.menu ?? []).map((i) => i.label ?? '---');
const click = (label: string) =>
  m.trays
    .at(-1)
    ?.menu.find((i) => i.label === label)
    ?.click?.();

beforeEach(() => {
  m.trays.length = 0;
  m.builds = 0;
});

describe('createTray', () => {
  it('shows the states read at start, then follows the events', async () => {
    const b = fakeBackend();
    const open = vi.fn();
    const quit = vi.fn();
    const { dispose } = createTray({
      iconPath: '/r/icon.png',
      t: shellText('en'),
      backend: b as never,
      open,
      quit,
      platform: 'linux',
    });
    expect(m.trays[0]?.image).toEqual({ path: '/r/icon.png', size: { width: 16, height: 16 } });
    await vi.waitFor(() => expect(labels()).toContain('Running containers: 1'));
    expect(labels()).toContain('VM: stopped');
    expect(m.trays[0]?.tooltip).toBe('Wharf: Docker: running · VM: stopped');

    click('Start VM');
    expect(b.invoke).toHaveBeenCalledWith('vm:start', {});
    b.emit('vm:state', { name: 'default', state: 'running', progress: '', since: 1 });
    b.emit('containers:changed', { kind: 'patch', seq: 2, upserts: [{ id: 'b', state: 'running' }], removed: [] });
    expect(labels()).toEqual(expect.arrayContaining(['VM: running', 'Stop VM', 'Running containers: 2']));
    click('Stop VM');
    expect(b.invoke).toHaveBeenCalledWith('vm:stop', {});
    b.emit('engine:state', { state: 'unreachable', endpoint: 'x' });
    expect(labels()).toContain('Docker: not reachable');
    expect(labels().some((l) => l.startsWith('Running containers'))).toBe(false);

    click('Open Wharf');
    m.trays[0]?.clicks[0]?.();
    expect(open).toHaveBeenCalledTimes(2);
    click('Quit Wharf');
    expect(quit).toHaveBeenCalledTimes(1);

    // The same states again rebuild nothing.
    const builds = m.builds;
    b.emit('engine:state', { state: 'unreachable', endpoint: 'x' });
    expect(m.builds).toBe(builds);

    dispose();
    expect(m.trays[0]?.destroyed).toBe(true);
    expect(b.listeners.size).toBe(0);
  });

  it('a stale listing never overwrites newer events; macOS opens only from the menu', async () => {
    const b = fakeBackend();
    let answerList: (v: unknown) => void = () => {};
    b.invoke.mockImplementation(async (name: string) => {
      if (name === 'containers:list') return new Promise((r) => (answerList = r as (v: unknown) => void));
      if (name === 'engine:status') return { ok: true, value: { state: 'ready', endpoint: 'x' } };
      return { ok: false, error: {} } as never;
    });
    createTray({
      iconPath: '/i',
      t: shellText('en'),
      backend: b as never,
      open: vi.fn(),
      quit: vi.fn(),
      platform: 'darwin',
    });
    await vi.waitFor(() => expect(labels()).toContain('Docker: running'));
    b.emit('containers:changed', { kind: 'reset', seq: 5, rows: [] });
    answerList({ ok: true, value: { rows: [{ id: 'a', state: 'running' }], seq: 3 } });
    await new Promise((r) => setTimeout(r, 0));
    expect(labels()).toContain('Running containers: 0');
    expect(labels().some((l) => l.startsWith('VM'))).toBe(false);
    expect(m.trays[0]?.clicks).toHaveLength(0);
  });
});
