import { describe, expect, it } from 'vitest';
import { applyPullLine, emptyProgress, finishProgress, type PullLine } from './pull-progress';

const run = (lines: PullLine[]) => lines.reduce(applyPullLine, emptyProgress('pull-1', 'redis:7'));

describe('pull progress', () => {
  it('follows each layer through download and extraction, weighted by size', () => {
    let p = run([
      { status: 'Pulling from library/redis', id: '7' },
      { status: 'Pulling fs layer', id: 'a' },
      { status: 'Pulling fs layer', id: 'b' },
      { status: 'Downloading', id: 'a', progressDetail: { current: 50, total: 100 } },
      { status: 'Downloading', id: 'b', progressDetail: { current: 0, total: 300 } },
    ]);
    expect(p.layers.map((l) => [l.id, l.phase, l.current, l.total])).toEqual([
      ['a', 'downloading', 50, 100],
      ['b', 'downloading', 0, 300],
    ]);
    expect(p.bytesDone).toBe(50);
    expect(p.bytesTotal).toBe(400);
    expect(p.fraction).toBeCloseTo((0.35 * 100) / 400);
    p = [
      { status: 'Download complete', id: 'a' },
      { status: 'Extracting', id: 'a', progressDetail: { current: 10, total: 1000 } },
      { status: 'Pull complete', id: 'a' },
      { status: 'Already exists', id: 'b' },
    ].reduce(applyPullLine, p);
    expect(p.layers.map((l) => l.phase)).toEqual(['done', 'done']);
    expect(p.fraction).toBe(1);
    p = [
      { status: `Digest: sha256:${'f'.repeat(64)}` },
      { status: 'Status: Downloaded newer image for redis:7' },
    ].reduce(applyPullLine, p);
    const end = finishProgress(p);
    expect(end).toMatchObject({
      state: 'done',
      result: 'downloaded',
      digest: `sha256:${'f'.repeat(64)}`,
      status: 'Downloaded newer image for redis:7',
    });
  });
  it('says "up to date" when nothing was downloaded', () => {
    expect(finishProgress(run([{ status: 'Status: Image is up to date for redis:7' }])).result).toBe('up-to-date');
  });
  it('an errorDetail line is a failure, not a success', () => {
    const p = run([
      { status: 'Pulling fs layer', id: 'a' },
      { errorDetail: { message: 'manifest unknown' }, error: 'manifest unknown' },
    ]);
    expect(p.state).toBe('failed');
    expect(p.errorText).toBe('manifest unknown');
    expect(finishProgress(p).state).toBe('failed');
  });
  it('ignores lines it does not know', () => {
    expect(run([{ status: 'something new', id: 'x' }, {}]).layers).toEqual([]);
  });
});
