import { describe, expect, it } from 'vitest';
import { inBatches, MAX_IN_FLIGHT } from './stats-calls';

describe('one-shot stats for the list', () => {
  it('keeps at most 4 requests in flight and answers in the order asked', async () => {
    let inFlight = 0;
    let most = 0;
    const out = await inBatches(
      Array.from({ length: 30 }, (_, i) => i),
      MAX_IN_FLIGHT,
      async (i) => {
        most = Math.max(most, ++inFlight);
        await new Promise((r) => setTimeout(r, (i * 7) % 5));
        inFlight--;
        return i * 2;
      },
    );
    expect(most).toBe(4);
    expect(out).toEqual(Array.from({ length: 30 }, (_, i) => i * 2));
  });
});
