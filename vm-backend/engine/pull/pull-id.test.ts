import { describe, expect, it, vi } from 'vitest';
import { pullId } from '../../api/contract.pull';

describe('pull ids', () => {
  it('are accepted by pull:cancel and never repeat, even from a restarted backend', async () => {
    const first = await import('./pull-id');
    const a = [first.newPullId(), first.newPullId()];
    // A restarted backend loads the module anew: its counter starts again from 1.
    vi.resetModules();
    const again = await import('./pull-id');
    const b = [again.newPullId(), again.newPullId()];
    for (const id of [...a, ...b]) expect(pullId.safeParse(id).success).toBe(true);
    expect(new Set([...a, ...b]).size).toBe(4);
    expect(a[0]?.replace(/-\d+$/, '')).not.toBe(b[0]?.replace(/-\d+$/, ''));
  });
});
