import { describe, expect, it } from 'vitest';
import {
  emptyLimits,
  limitFlags,
  limitResources,
  limitsFromHostConfig,
  parseBytes,
  type RunLimits,
  validateLimits,
} from './stats-limits';

const L = (p: Partial<RunLimits>): RunLimits => ({ ...emptyLimits(), ...p });
const keys = (l: RunLimits, hostCpus?: number) => validateLimits(l, { hostCpus }).map((p) => `${p.field}:${p.key}`);

describe('limits as typed', () => {
  it('reads sizes as the docker CLI does (binary units)', () => {
    expect(parseBytes('64m')).toBe(64 * 1024 * 1024);
    expect(parseBytes('1g')).toBe(1024 ** 3);
    expect(parseBytes('1.5G')).toBe(1.5 * 1024 ** 3);
    expect(parseBytes('512kb')).toBe(512 * 1024);
    expect(parseBytes('100')).toBe(100);
    expect(parseBytes('64x')).toBeNull();
    expect(parseBytes('-1m')).toBeNull();
  });

  it('refuses what the engine would: memory below 6 MB, CPUs above the host, swap below memory', () => {
    expect(keys(L({ memory: '5m' }))).toEqual(['memory:memoryTooLow']);
    expect(keys(L({ memory: '6m' }))).toEqual([]);
    expect(keys(L({ memory: 'lots' }))).toEqual(['memory:memoryFormat']);
    expect(keys(L({ cpus: '3' }), 2)).toEqual(['cpus:cpusTooMany']);
    expect(keys(L({ cpus: '2' }), 2)).toEqual([]);
    expect(keys(L({ cpus: '0' }))).toEqual(['cpus:cpusFormat']);
    expect(keys(L({ cpus: '0.001' }))).toEqual(['cpus:cpusTooLow']);
    expect(keys(L({ memory: '64m', memorySwap: '32m' }))).toEqual(['memorySwap:swapBelowMemory']);
    expect(keys(L({ memorySwap: '128m' }))).toEqual(['memorySwap:swapNeedsMemory']);
    expect(validateLimits(L({ memorySwap: '128m' }), { currentMemory: 64 << 20 })).toEqual([]);
    expect(keys(L({ memory: '64m', memorySwap: '-1' }))).toEqual([]);
    expect(keys(L({ cpuShares: '1' }))).toEqual(['cpuShares:sharesRange']);
    expect(keys(L({ pidsLimit: '0' }))).toEqual(['pidsLimit:pidsFormat']);
    expect(keys(L({ pidsLimit: '-1' }))).toEqual([]);
  });

  it('turns the filled fields into HostConfig and flags, and reads them back', () => {
    const l = L({ memory: '64m', memorySwap: '128m', cpus: '0.5', cpuShares: '512', pidsLimit: '50' });
    const r = limitResources(l);
    expect(r).toEqual({ Memory: 64 << 20, MemorySwap: 128 << 20, NanoCpus: 5e8, CpuShares: 512, PidsLimit: 50 });
    expect(limitFlags(l)).toEqual([
      '--memory',
      '64m',
      '--memory-swap',
      '128m',
      '--cpus',
      '0.5',
      '--cpu-shares',
      '512',
      '--pids-limit',
      '50',
    ]);
    expect(limitsFromHostConfig(r)).toEqual(l);
    expect(limitResources(emptyLimits())).toEqual({});
    expect(limitsFromHostConfig({ Memory: 0, MemorySwap: 0, NanoCpus: 0, CpuShares: 0, PidsLimit: 0 })).toEqual(
      emptyLimits(),
    );
  });
});
