import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BUILD_HISTORY_MAX, type BuildRecord } from '../../api/contract.build';
import { BuildStore, newBuildId } from './build-store';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
const store = (): BuildStore => {
  const d = mkdtempSync(join(tmpdir(), 'wharf-bstore-'));
  dirs.push(d);
  return new BuildStore(d);
};
const record = (id: string, startedAt: number, state: BuildRecord['state'] = 'done'): BuildRecord => ({
  id,
  target: 'local',
  folder: '/a',
  dockerfile: 'Dockerfile',
  tags: [],
  options: { buildArgs: [], noCache: false, pull: false },
  state,
  startedAt,
  steps: [],
  exposes: [],
  logBytes: 0,
});

describe('BuildStore', () => {
  it('keeps the newest BUILD_HISTORY_MAX builds on disk and deletes the older ones with their logs', async () => {
    const s = store();
    const ids: string[] = [];
    for (let i = 0; i < BUILD_HISTORY_MAX + 3; i++) {
      const id = newBuildId();
      ids.push(id);
      writeFileSync(s.logPath(id), `log ${i}\n`);
      await s.put(record(id, 1000 + i));
    }
    expect(s.list().map((r) => r.id)).toEqual(ids.slice(3).reverse());
    expect(ids.slice(0, 3).map((id) => existsSync(s.logPath(id)))).toEqual([false, false, false]);
    expect(existsSync(s.logPath(ids.at(-1)!))).toBe(true);
    // Read back by a new store (a restarted backend): the same list.
    expect(new BuildStore(s.dir).list().map((r) => r.id)).toEqual(ids.slice(3).reverse());
  });

  it('reads a build left running by an earlier backend as interrupted, with a code', async () => {
    const s = store();
    writeFileSync(join(s.dir, 'history.json'), JSON.stringify([record('build-oldrun-1', 1, 'running')]));
    const [r] = new BuildStore(s.dir).list();
    expect(r).toMatchObject({ state: 'interrupted', error: { code: 'BUILD_INTERRUPTED' } });
  });

  it('reads a log in parts without cutting a character in two', async () => {
    const s = store();
    const id = newBuildId();
    writeFileSync(s.logPath(id), 'aé'.repeat(10));
    await s.put(record(id, 1));
    const all = await s.readLog(id, 0);
    expect(all).toMatchObject({ text: 'aé'.repeat(10), size: 30, next: 30 });
    expect((await s.readLog(id, 3)).text).toBe('aé'.repeat(9));
  });

  it('survives a corrupt history file', () => {
    const s = store();
    writeFileSync(join(s.dir, 'history.json'), '{not json');
    expect(new BuildStore(s.dir).list()).toEqual([]);
  });
});
