import { describe, expect, it } from 'vitest';
import { cpuPercent, type EngineStats, memoryUsed, toSample } from './stats-math';

const reading = (total: number, system: number, extra: Partial<EngineStats> = {}): EngineStats => ({
  read: '2026-12-07T10:00:01Z',
  cpu_stats: { cpu_usage: { total_usage: total }, system_cpu_usage: system, online_cpus: 2 },
  precpu_stats: { cpu_usage: { total_usage: total - 50 }, system_cpu_usage: system - 1000, online_cpus: 2 },
  ...extra,
});

describe('the Engine API formulas', () => {
  it('CPU % is the CPU delta over the system delta times online CPUs', () => {
    // 250 ns of CPU while the system clock moved 1000 ns over 2 CPUs: 25% of the host, 50% of one CPU.
    expect(cpuPercent({ total: 0, system: 0 }, { total: 250, system: 1000 }, 2)).toBe(50);
    expect(cpuPercent(null, { total: 250, system: 1000 }, 2)).toBeNull();
    expect(cpuPercent({ total: 0, system: 1000 }, { total: 10, system: 1000 }, 2)).toBeNull();
  });

  it('memory leaves out the inactive page cache (v1 total_inactive_file, v2 inactive_file)', () => {
    expect(memoryUsed({ usage: 1000, stats: { total_inactive_file: 300, inactive_file: 100 } })).toBe(700);
    expect(memoryUsed({ usage: 1000, stats: { inactive_file: 100 } })).toBe(900);
    expect(memoryUsed({ usage: 1000, stats: { total_inactive_file: 2000 } })).toBe(1000);
    expect(memoryUsed(undefined)).toBe(0);
  });

  it('a sample sums networks and block I/O, and tells a container limit from the host memory', () => {
    const s = reading(1000, 10_000, {
      memory_stats: { usage: 80 << 20, limit: 64 << 20, stats: { total_inactive_file: 16 << 20 } },
      networks: { eth0: { rx_bytes: 10, tx_bytes: 20 }, eth1: { rx_bytes: 1, tx_bytes: 2 } },
      blkio_stats: {
        io_service_bytes_recursive: [
          { op: 'Read', value: 5 },
          { op: 'Write', value: 7 },
          { op: 'read', value: 1 },
          { op: 'Total', value: 13 },
        ],
      },
      pids_stats: { current: 3 },
    });
    const { sample } = toSample('abc', s, null, 1 << 30);
    expect(sample).toMatchObject({
      id: 'abc',
      cpuPct: 10, // its own precpu: 50 / 1000 x 2 x 100
      memUsed: 64 << 20,
      memLimit: 64 << 20,
      memLimited: true,
      netRx: 11,
      netTx: 22,
      blkRead: 6,
      blkWrite: 7,
      pids: 3,
      onlineCpus: 2,
      at: Date.parse('2026-12-07T10:00:01Z'),
    });
    // No --memory: the cgroup's limit is the host's (or a huge number): the host's memory is shown.
    const free = toSample('abc', reading(1000, 10_000, { memory_stats: { usage: 1, limit: 2 ** 62 } }), null, 1 << 30);
    expect(free.sample).toMatchObject({ memLimit: 1 << 30, memLimited: false });
  });

  it('an earlier reading of the poller wins over the reading’s own precpu', () => {
    const { sample } = toSample('abc', reading(1000, 10_000), { total: 500, system: 9000 }, 0);
    expect(sample.cpuPct).toBe(100);
  });
});
