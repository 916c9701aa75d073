import { describe, expect, it } from 'vitest';
import type { ListChange } from '../api/types';
import { RefreshQueue } from './refresh-queue';
import { RowCache } from './row-cache';
import { type EngineEvent, isBackstage, isRelevant, NdjsonSplitter } from './events-stream';

type R = { id: string; v: number };

describe('RowCache', () => {
  it('emits a patch only when a row really changed, with increasing seq', () => {
    const out: ListChange<R>[] = [];
    const c = new RowCache<R>((ch) => out.push(ch));
    c.reset([{ id: 'a', v: 1 }]);
    c.patch([{ id: 'a', v: 1 }], []);
    c.patch(
      [
        { id: 'a', v: 2 },
        { id: 'b', v: 1 },
      ],
      ['zzz'],
    );
    c.patch([], ['a']);
    expect(out.map((o) => o.kind)).toEqual(['reset', 'patch', 'patch']);
    expect(out.map((o) => o.seq)).toEqual([1, 2, 3]);
    expect(out[1]).toMatchObject({
      upserts: [
        { id: 'a', v: 2 },
        { id: 'b', v: 1 },
      ],
      removed: [],
    });
    expect(c.listing()).toEqual({ rows: [{ id: 'b', v: 1 }], seq: 3 });
  });
  it('finds rows by a 12-character id prefix only', () => {
    const c = new RowCache<R>(() => {});
    c.reset([{ id: 'abcdef0123456789', v: 1 }]);
    expect(c.findByIdPrefix('abcdef012345')?.v).toBe(1);
    expect(c.findByIdPrefix('abc')).toBeUndefined();
  });
});

describe('RefreshQueue', () => {
  it('never runs one id twice at once, and re-runs once when named during a run', async () => {
    let running = 0;
    let maxParallel = 0;
    const runs: string[] = [];
    const q = new RefreshQueue(async (id) => {
      running++;
      maxParallel = Math.max(maxParallel, running);
      runs.push(id);
      await new Promise((r) => setTimeout(r, 20));
      running--;
    });
    q.schedule('a');
    q.schedule('a');
    q.schedule('a');
    q.schedule('b');
    await new Promise((r) => setTimeout(r, 5));
    await q.idle();
    expect(runs.filter((r) => r === 'a')).toHaveLength(2);
    expect(runs.filter((r) => r === 'b')).toHaveLength(1);
    expect(maxParallel).toBe(2);
  });
  it('reports a failing refresh and keeps going', async () => {
    const errors: string[] = [];
    const q = new RefreshQueue(
      async (id) => {
        if (id === 'bad') throw new Error('x');
      },
      (id) => errors.push(id),
    );
    q.schedule('bad');
    q.schedule('ok');
    await new Promise((r) => setTimeout(r, 5));
    await q.idle();
    expect(errors).toEqual(['bad']);
  });
});

describe('events stream parsing', () => {
  it('joins a JSON line split across chunks and skips garbage', () => {
    const got: unknown[] = [];
    const s = new NdjsonSplitter();
    s.push('{"Type":"container","Act', (o) => got.push(o));
    s.push('ion":"start"}\nnot json\n{"a":1}\n', (o) => got.push(o));
    expect(got).toEqual([{ Type: 'container', Action: 'start' }, { a: 1 }]);
  });
  it('ignores exec events and keeps lifecycle ones', () => {
    const ev = (Type: string, Action: string) => ({ Type, Action, Actor: { ID: 'x' } });
    expect(isRelevant(ev('container', 'start'))).toBe(true);
    expect(isRelevant(ev('container', 'exec_start: sh'))).toBe(false);
    expect(isRelevant(ev('container', 'health_status: healthy'))).toBe(true);
    expect(isRelevant(ev('image', 'untag'))).toBe(true);
    expect(isRelevant(ev('network', 'connect'))).toBe(false);
  });

  it("leaves out Wharf's own helper containers (port probe, network readers, files helpers)", () => {
    const labelled = (labels: Record<string, string>): EngineEvent => ({
      Type: 'container',
      Action: 'start',
      Actor: { ID: 'x', Attributes: { image: 'busybox', ...labels } },
    });
    expect(isRelevant(labelled({ 'wharf.probe': '1' }))).toBe(false);
    expect(isRelevant(labelled({ 'wharf.helper': 'files' }))).toBe(false);
    expect(isRelevant(labelled({ 'wharf.test': '1' }))).toBe(true);
    expect(isBackstage({ 'wharf.helper': '' })).toBe(true);
    expect(isBackstage(null)).toBe(false);
  });
});
