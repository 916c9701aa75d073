import { describe, expect, it } from 'vitest';
import { humanDuration, liveStatus, parseHumanDuration } from './live-status';

describe('liveStatus', () => {
  it('ages "Up" text by the time since it was read', () => {
    expect(liveStatus('Up 1 second', 0, 11_000)).toBe('Up 12 seconds');
    expect(liveStatus('Up 50 seconds', 0, 30_000)).toBe('Up About a minute');
    expect(liveStatus('Up 3 minutes (Paused)', 0, 120_000)).toBe('Up 5 minutes (Paused)');
    expect(liveStatus('Up About an hour (healthy)', 0, 0)).toBe('Up About an hour (healthy)');
  });
  it('ages "Exited (code) ... ago"', () => {
    expect(liveStatus('Exited (0) 1 second ago', 0, 4_000)).toBe('Exited (0) 5 seconds ago');
    expect(liveStatus('Exited (137) 2 hours ago', 0, 3600_000)).toBe('Exited (137) 3 hours ago');
  });
  it('leaves other texts alone', () => {
    for (const s of ['Created', 'Removal In Progress', 'Dead', 'Up weird', ''])
      expect(liveStatus(s, 0, 99_000)).toBe(s);
  });
  it('round-trips Docker durations', () => {
    for (const s of [5, 90, 600, 7200, 3 * 86400, 3 * 604800, 5 * 2592000, 3 * 31536000]) {
      expect(humanDuration(parseHumanDuration(humanDuration(s)) ?? -1)).toBe(humanDuration(s));
    }
  });
});
