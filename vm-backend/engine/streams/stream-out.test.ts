import { afterEach, describe, expect, it, vi } from 'vitest';
import { StreamOut } from './stream-out';

afterEach(() => void vi.useRealTimers());

function make(o: Partial<{ maxBatch: number; highWater: number; lowWater: number }> = {}) {
  const sent: string[] = [];
  const calls: string[] = [];
  const s = new StreamOut({
    send: (d) => sent.push(d),
    pause: () => calls.push('pause'),
    resume: () => calls.push('resume'),
    ...o,
  });
  return { s, sent, calls };
}

describe('StreamOut', () => {
  it('batches writes into one event per interval', () => {
    vi.useFakeTimers();
    const { s, sent } = make();
    s.write('a');
    s.write('b');
    s.write('c');
    expect(sent).toEqual([]);
    vi.advanceTimersByTime(16);
    expect(sent).toEqual(['abc']);
  });

  it('sends at once when a batch reaches the size limit', () => {
    const { s, sent } = make({ maxBatch: 4 });
    s.write('ab');
    s.write('cd');
    expect(sent).toEqual(['abcd']);
    s.close();
  });

  it('pauses the source past the high-water mark and resumes once acknowledged', () => {
    const { s, calls } = make({ maxBatch: 10, highWater: 30, lowWater: 10 });
    for (let i = 0; i < 3; i++) s.write('x'.repeat(10));
    expect(calls).toEqual(['pause']);
    s.ack(10);
    expect(calls).toEqual(['pause']);
    s.ack(20);
    expect(calls).toEqual(['pause', 'resume']);
    expect(s.isPaused).toBe(false);
  });

  it('ignores acknowledgements of more than was sent and stale ones', () => {
    const { s } = make({ maxBatch: 1 });
    s.write('abc');
    s.ack(100);
    expect(s.acked).toBe(3);
    s.ack(1);
    expect(s.acked).toBe(3);
  });
});
