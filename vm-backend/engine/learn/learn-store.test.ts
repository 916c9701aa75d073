import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { learnProgress } from '../../api/contract.learn';
import { LearnStore, NEW_PROGRESS } from './learn-store';

const dirs: string[] = [];
const fresh = (): string => {
  const d = mkdtempSync(join(tmpdir(), 'wharf-learn-'));
  dirs.push(d);
  return join(d, 'learn-progress.json');
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('LearnStore', () => {
  it('starts with the first-run offer and no steps done', () => {
    expect(new LearnStore(fresh()).read()).toEqual(NEW_PROGRESS);
  });

  it('keeps what was saved, in the file, for the next process', async () => {
    const file = fresh();
    const p = {
      firstRun: 'skipped' as const,
      lessons: { ports: { done: ['run-web'], image: 'wharf-fixture/httpd:1' } },
    };
    await new LearnStore(file).save(p);
    expect(new LearnStore(file).read()).toEqual(p);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(p);
  });

  it('writes one save after another: the last one wins', async () => {
    const file = fresh();
    const store = new LearnStore(file);
    await Promise.all(
      ['a', 'b', 'c'].map((s) => store.save({ firstRun: 'taken', lessons: { 'image-container': { done: [s] } } })),
    );
    expect(store.read().lessons['image-container']?.done).toEqual(['c']);
  });

  it('sets a broken file aside instead of overwriting it', () => {
    const file = fresh();
    writeFileSync(file, '{"firstRun": "maybe"');
    expect(new LearnStore(file).read()).toEqual(NEW_PROGRESS);
    expect(existsSync(file)).toBe(false);
    expect(readdirSync(join(file, '..')).some((n) => n.startsWith('learn-progress.json.corrupt-'))).toBe(true);
  });
});

describe('the progress schema', () => {
  it('refuses an unknown lesson, a bad step id and extra fields', () => {
    expect(learnProgress.safeParse({ firstRun: 'offer', lessons: { nope: { done: [] } } }).success).toBe(false);
    expect(learnProgress.safeParse({ firstRun: 'offer', lessons: { ports: { done: ['../x'] } } }).success).toBe(false);
    expect(learnProgress.safeParse({ firstRun: 'offer', lessons: {}, extra: 1 }).success).toBe(false);
    expect(learnProgress.safeParse({ firstRun: 'offer', lessons: { ports: { done: ['run-web'] } } }).success).toBe(
      true,
    );
  });
});
