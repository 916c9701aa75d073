import { describe, expect, it } from 'vitest';
import { settingsIssues } from '../api/rules/vm-settings-rules';
import { defaultSettings, planSettings } from './vm-settings';

describe('VM settings', () => {
  const cur = { cpus: 2, memoryMiB: 2048, diskGiB: 64, network: true };
  it('defaults stay within the host', () => {
    expect(defaultSettings(2, 24576)).toEqual({ cpus: 2, memoryMiB: 4096, diskGiB: 64, network: true });
    expect(defaultSettings(1, 1024).memoryMiB).toBe(1024);
  });
  it('the disk only grows', () => {
    const p = planSettings(cur, { diskGiB: 32 }, 8, 16384);
    expect(p.refused).toEqual([{ field: 'diskGiB', reason: expect.stringMatching(/only grow/) }]);
    expect(p.settings).toEqual(cur);
    expect(planSettings(cur, { diskGiB: 128 }, 8, 16384).refused).toEqual([]);
  });
  it('says which changes need a restart', () => {
    expect(planSettings(cur, { cpus: 4, memoryMiB: 2048 }, 8, 16384).needsRestart).toEqual(['cpus']);
    expect(planSettings(cur, {}, 8, 16384).needsRestart).toEqual([]);
  });
  it('refuses more CPUs or memory than the host has, and bad values', () => {
    expect(planSettings(cur, { cpus: 16 }, 8, 16384).refused[0]?.field).toBe('cpus');
    expect(planSettings(cur, { memoryMiB: 16384 }, 8, 16384).refused[0]?.field).toBe('memoryMiB');
    expect(planSettings(cur, { cpus: 0 }, 8, 16384).refused).toEqual([{ field: 'cpus', reason: 'must be at least 1' }]);
  });
  it('names each form problem by code and limit (the panel translates them)', () => {
    const host = { cpus: 2, memoryMiB: 4096 };
    expect(
      settingsIssues(cur, { cpus: 3, memoryMiB: 4000, diskGiB: 32 }, host).map((i) => [i.field, i.code, i.limit]),
    ).toEqual([
      ['cpus', 'host-cpus', 2],
      ['memoryMiB', 'host-memory', 3584],
      ['diskGiB', 'shrink', 64],
    ]);
    expect(settingsIssues(cur, { cpus: 1.5, memoryMiB: 100, diskGiB: 9999 }, host).map((i) => i.code)).toEqual([
      'whole',
      'min',
      'max',
    ]);
    // Past both limits: this computer's (lower) one is named.
    expect(
      settingsIssues(cur, { cpus: 99, memoryMiB: 999999, diskGiB: 64 }, host).map((i) => [i.code, i.limit]),
    ).toEqual([
      ['host-cpus', 2],
      ['host-memory', 3584],
    ]);
    expect(settingsIssues(cur, { cpus: 2, memoryMiB: 2048, diskGiB: 64 }, host)).toEqual([]);
  });
});
