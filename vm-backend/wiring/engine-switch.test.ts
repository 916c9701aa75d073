import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { EventName, Events } from '../api/contract';
import type { EngineStatus, ListChange } from '../api/types';
import type { Connected } from './connect-target';
import { localConnectionFromEnv } from '../connection/local';
import type { Target } from '../connection/targets';
import { recordingClient } from '../engine/test-client';
import { EngineSwitch } from './engine-switch';
import { RegistryStore } from '../registry/registry-store';
import { ScopeStreams } from './scope-streams';

// Engines that cannot be reached: what is tested is the swap, not Docker.
const unreachable = (name: string): Connected => ({
  connection: localConnectionFromEnv({ DOCKER_HOST: `unix:///nonexistent/${name}.sock` }, 'linux'),
});
const A: Target = { name: 'a', engine: 'local' };
const B: Target = { name: 'b', engine: 'ssh://me@b:22' };
const C: Target = { name: 'c', engine: 'ssh://me@c:22' };

let switches: EngineSwitch[] = [];
afterEach(async () => {
  await Promise.all(switches.map((s) => s.close()));
  switches = [];
});

function setup(connect: (t: Target) => Promise<Connected> = async (t) => unreachable(t.name)) {
  const events: { event: EventName; payload: unknown }[] = [];
  const streams = new ScopeStreams();
  const sw = new EngineSwitch({
    emit: <E extends EventName>(event: E, payload: Events[E]) => void events.push({ event, payload }),
    streams,
    registries: new RegistryStore(join(mkdtempSync(join(tmpdir(), 'wharf-sw-')), 'registries.json')),
    connect,
  });
  switches.push(sw);
  sw.install(A, unreachable('a'));
  return { sw, events, streams };
}
const states = (events: { event: EventName; payload: unknown }[]): EngineStatus[] =>
  events.filter((e) => e.event === 'engine:state').map((e) => e.payload as EngineStatus);

describe('switching engines', () => {
  it('ends the old scope, clears the lists, and says which target is now active', async () => {
    const { sw, events, streams } = setup();
    const old = sw.current;
    const client = recordingClient();
    let closed = 0;
    streams.add(streams.newId(client, 'logs'), client, { close: () => void closed++ });
    streams.add(streams.newId(client, 'exec'), client, { close: () => void closed++ });
    const status = await sw.use(B);
    expect(status.target).toBe('b');
    expect(status.endpoint).toBe('unix:///nonexistent/b.sock');
    expect(sw.current.target).toBe(B);
    expect(sw.current).not.toBe(old);
    // Both windows' streams closed on the engine side and were told why.
    expect(closed).toBe(2);
    expect(streams.size).toBe(0);
    const ends = client.events.map((e) => [e.event, (e.payload as { error?: { code: string } }).error?.code]);
    expect(ends).toEqual([
      ['logs:end', 'ENGINE_SWITCHED'],
      ['exec:exit', 'ENGINE_SWITCHED'],
    ]);
    // Lists cleared before the new engine's first state.
    const names = events.map((e) => e.event);
    const clearAt = names.indexOf('containers:changed');
    const firstB = events.findIndex((e) => e.event === 'engine:state' && (e.payload as EngineStatus).target === 'b');
    expect(clearAt).toBeGreaterThanOrEqual(0);
    expect(clearAt).toBeLessThan(firstB);
    expect((events[clearAt]?.payload as ListChange<unknown> | undefined)?.kind).toBe('reset');
    // The old engine says nothing more once replaced (its retries stopped with it).
    const n = states(events).filter((s) => s.target === 'a').length;
    await new Promise((r) => setTimeout(r, 700));
    expect(states(events).filter((s) => s.target === 'a').length).toBe(n);
  });

  it('keeps the old engine when the new one cannot be set up', async () => {
    const { sw, events } = setup(async (t) => {
      if (t.name === 'b') throw new Error('no key');
      return unreachable(t.name);
    });
    const old = sw.current;
    await expect(sw.use(B)).rejects.toThrow('no key');
    expect(sw.current).toBe(old);
    expect(sw.switching).toBeNull();
    expect(events.some((e) => e.event === 'containers:changed')).toBe(false);
    // A later switch still works.
    expect((await sw.use(C)).target).toBe('c');
  });

  it('runs switches one after another; the last one wins and numbers never go back', async () => {
    const order: string[] = [];
    const { sw, events } = setup(async (t) => {
      order.push(`connect ${t.name}`);
      await new Promise((r) => setTimeout(r, t.name === 'b' ? 100 : 10));
      return unreachable(t.name);
    });
    const [rb, rc] = await Promise.all([sw.use(B), sw.use(C)]);
    expect(order).toEqual(['connect b', 'connect c']);
    expect([rb.target, rc.target]).toEqual(['b', 'c']);
    expect(sw.current.target).toBe(C);
    const seqs = events
      .filter((e) => e.event === 'containers:changed')
      .map((e) => (e.payload as ListChange<unknown>).seq);
    expect(seqs.length).toBe(2);
    expect(seqs[1]).toBeGreaterThan(seqs[0] ?? Infinity);
  });

  it('reports the running switch, and refuses switches after close', async () => {
    let release: () => void = () => {};
    const { sw } = setup((t) => new Promise((r) => (release = () => r(unreachable(t.name)))));
    const p = sw.use(B);
    await new Promise((r) => setTimeout(r, 10));
    expect(sw.switching).toBe('b');
    release();
    await p;
    expect(sw.switching).toBeNull();
    await sw.close();
    await expect(sw.use(C)).rejects.toThrow(/closed/);
  });
});
