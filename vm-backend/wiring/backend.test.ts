import { until as untilAt } from '../testing/until';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Envelope } from '../api/wire';
import type { EngineStatus } from '../api/types';
import { createBackend } from './backend';
import type { Backend } from './backend-types';
import { localConnectionFromEnv } from '../connection/local';
const until = <T>(f: Parameters<typeof untilAt<T>>[0], ms = 5000): Promise<T> => untilAt(f, ms);

// An engine that cannot be reached: no dockerd is needed (or touched) by these tests.
const ENDPOINT = 'unix:///nonexistent/docker.sock';
let backend: Backend;
const states: EngineStatus[] = [];

beforeAll(() => {
  backend = createBackend({ connection: localConnectionFromEnv({ DOCKER_HOST: ENDPOINT }, 'linux') });
  backend.on('engine:state', (s) => states.push(s));
});
afterAll(async () => {
  await backend.close();
});

const errorOf = (e: Envelope<unknown>) => {
  expect(e.ok, JSON.stringify(e).slice(0, 300)).toBe(false);
  if (e.ok) throw new Error('unreachable');
  expect(typeof e.error.message).toBe('string');
  expect(typeof e.error.hint).toBe('string');
  expect(typeof e.error.detail).toBe('string');
  return e.error;
};
const status = async () => {
  const e = await backend.invoke('engine:status', {});
  if (!e.ok) throw new Error('engine:status failed');
  return e.value as EngineStatus;
};

describe('invoke refuses bad calls with an envelope, never a throw', () => {
  it('unknown call names', async () => {
    for (const name of [
      'nope',
      '',
      'toString',
      '__proto__',
      'constructor',
      'hasOwnProperty',
      'engine:status ',
      'ENGINE:STATUS',
      'x'.repeat(1_000_000),
    ]) {
      const err = errorOf(await backend.invoke(name, {}));
      expect(err.code).toBe('INVALID_INPUT');
      expect(err.detail.length).toBeLessThan(200);
    }
  });
  it('names that are not strings', async () => {
    for (const name of [undefined, null, 42, {}, [], Symbol('x')] as unknown[]) {
      expect(errorOf(await backend.invoke(name as string, {})).code).toBe('INVALID_INPUT');
    }
  });
  it('inputs that are not objects', async () => {
    for (const input of ['x', 42, true, [], ['a'], () => 1]) {
      expect(errorOf(await backend.invoke('containers:inspect', input)).code, String(input)).toBe('INVALID_INPUT');
      expect(errorOf(await backend.invoke('engine:status', input)).code, String(input)).toBe('INVALID_INPUT');
    }
  });
  it('missing and mistyped fields', async () => {
    const cases: [string, unknown][] = [
      ['containers:inspect', {}],
      ['containers:inspect', { id: 1 }],
      ['containers:action', { ids: ['a'] }],
      ['containers:action', { ids: ['a'], action: 'kill' }],
      ['containers:action', { ids: 'a', action: 'stop' }],
      ['containers:remove', { ids: ['a'], force: 'yes', removeVolumes: false }],
      ['images:remove', { ref: 'busybox' }],
      ['images:remove', { ref: 'busybox', force: false, extra: 1 }],
      ['engine:status', { extra: 1 }],
    ];
    for (const [name, input] of cases) {
      const err = errorOf(await backend.invoke(name, input));
      expect(err.code, `${name} ${JSON.stringify(input)}`).toBe('INVALID_INPUT');
      expect(err.detail).toContain(name);
    }
  });
  it('a 1 MB string is refused and not echoed back whole', async () => {
    const big = 'a'.repeat(1024 * 1024);
    for (const [name, input] of [
      ['containers:inspect', { id: big }],
      ['images:remove', { ref: big, force: false }],
      ['containers:action', { ids: [big], action: 'stop' }],
    ] as const) {
      const err = errorOf(await backend.invoke(name, input));
      expect(err.code).toBe('INVALID_INPUT');
      expect(err.detail.length).toBeLessThanOrEqual(1000);
    }
  });
  it('hostile refs are refused before they reach the engine', async () => {
    for (const id of ['../../containers/x', 'a/b', 'a\nb', '$(id)', '']) {
      expect(errorOf(await backend.invoke('containers:inspect', { id })).code, id).toBe('INVALID_INPUT');
    }
  });
  it('__proto__ keys are refused and pollute nothing', async () => {
    const input = JSON.parse('{"id":"abc","__proto__":{"polluted":true}}');
    expect(errorOf(await backend.invoke('containers:inspect', input)).code).toBe('INVALID_INPUT');
    const nested = JSON.parse('{"ids":["abc"],"action":"stop","constructor":{"prototype":{"polluted":true}}}');
    expect(errorOf(await backend.invoke('containers:action', nested)).code).toBe('INVALID_INPUT');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
  it('an id list of 501 entries is refused; 0 entries too', async () => {
    const ids = Array.from({ length: 501 }, (_, i) => `c${i}`);
    expect(errorOf(await backend.invoke('containers:action', { ids, action: 'stop' })).code).toBe('INVALID_INPUT');
    expect(errorOf(await backend.invoke('containers:remove', { ids, force: false, removeVolumes: false })).code).toBe(
      'INVALID_INPUT',
    );
    expect(errorOf(await backend.invoke('containers:action', { ids: [], action: 'stop' })).code).toBe('INVALID_INPUT');
  });
});

describe('with the engine unreachable', () => {
  it('engine:status soon reports unreachable, with the endpoint, an error and a retry delay', async () => {
    const s = await until(async () => {
      const v = await status();
      return v.state === 'unreachable' ? v : undefined;
    });
    expect(s.endpoint).toBe(ENDPOINT);
    expect(s.error?.code).toBe('ENGINE_UNREACHABLE');
    expect(s.error?.params?.endpoint).toBe(ENDPOINT);
    expect(s.retryInMs).toBeGreaterThan(0);
    expect(states.some((x) => x.state === 'unreachable')).toBe(true);
  });
  it('every engine call answers ENGINE_UNREACHABLE', async () => {
    const cases: [string, unknown][] = [
      ['containers:list', {}],
      ['containers:inspect', { id: 'web-1' }],
      ['containers:action', { ids: ['web-1'], action: 'stop' }],
      ['containers:remove', { ids: ['web-1'], force: true, removeVolumes: false }],
      ['images:list', {}],
      ['images:remove', { ref: 'busybox:1', force: false }],
      ['images:prune-preview', {}],
      ['images:prune', {}],
    ];
    for (const [name, input] of cases) {
      const e = await backend.invoke(name, input);
      // A bulk call may answer per container instead of failing whole.
      const code = e.ok ? (e.value as { error?: { code: string } }[])[0]?.error?.code : e.error.code;
      expect(code, name).toBe('ENGINE_UNREACHABLE');
    }
  });
  it('engine:retry answers with a status instead of throwing', async () => {
    const e = await backend.invoke('engine:retry', {});
    expect(e.ok).toBe(true);
    expect((e as { value: EngineStatus }).value.state).toBe('unreachable');
  });
  it('a missing input is treated as {}', async () => {
    expect((await backend.invoke('engine:status', undefined)).ok).toBe(true);
    expect((await backend.invoke('engine:status', null)).ok).toBe(true);
  });
});

describe('close', () => {
  it('resolves, and stops the retries', async () => {
    const b = createBackend({ connection: localConnectionFromEnv({ DOCKER_HOST: ENDPOINT }, 'linux') });
    const seen: EngineStatus[] = [];
    b.on('engine:state', (s) => seen.push(s));
    await until(async () => (seen.some((s) => s.state === 'unreachable') ? true : undefined));
    await expect(b.close()).resolves.toBeUndefined();
    const n = seen.length;
    await new Promise((r) => setTimeout(r, 1200)); // longer than the first two backoff steps
    expect(seen.length).toBe(n);
  });
  it('an unsubscribed listener hears nothing more', async () => {
    const b = createBackend({ connection: localConnectionFromEnv({ DOCKER_HOST: ENDPOINT }, 'linux') });
    let count = 0;
    const off = b.on('engine:state', () => count++);
    off();
    await b.invoke('engine:retry', {});
    expect(count).toBe(0);
    await b.close();
  });
});
