import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { KEEP_BOOTS, readBootHistory, recordBoot, typicalBootMs, typicalNextBootMs } from './boot-history';

describe('boot history', () => {
  const dir = mkdtempSync(join(tmpdir(), 'wharf-boots-'));
  const path = join(dir, 'boot-times.json');
  afterEach(() => rmSync(path, { force: true }));

  it('keeps the last few boots, oldest dropped first', () => {
    for (let i = 1; i <= KEEP_BOOTS + 2; i++) recordBoot(path, { ms: i * 1000, accel: 'tcg', at: i });
    const boots = readBootHistory(path);
    expect(boots.map((b) => b.ms)).toEqual([3000, 4000, 5000, 6000, 7000]);
    expect(JSON.parse(readFileSync(path, 'utf8')).boots).toHaveLength(KEEP_BOOTS);
  });

  it('the typical time is the median of the boots with the same accelerator', () => {
    const boots = [
      { ms: 21_000, accel: 'tcg', at: 1 },
      { ms: 4_000, accel: 'kvm', at: 2 },
      { ms: 60_000, accel: 'tcg', at: 3 }, // a first boot or a busy host does not drag the figure
      { ms: 19_000, accel: 'tcg', at: 4 },
    ] as const;
    expect(typicalBootMs(boots, 'tcg')).toBe(21_000);
    expect(typicalBootMs(boots, 'kvm')).toBe(4_000);
    expect(typicalBootMs(boots.slice(0, 2), 'tcg')).toBe(21_000);
    expect(typicalBootMs([boots[0], boots[3]], 'tcg')).toBe(20_000);
    expect(typicalBootMs(boots, 'hvf')).toBeUndefined();
  });

  it('before the accelerator is known, the next start is expected to be like the last ones with its accelerator', () => {
    expect(typicalNextBootMs(path)).toBeUndefined();
    recordBoot(path, { ms: 20_000, accel: 'tcg', at: 1 });
    recordBoot(path, { ms: 30_000, accel: 'tcg', at: 2 });
    expect(typicalNextBootMs(path)).toBe(25_000);
    recordBoot(path, { ms: 3_000, accel: 'kvm', at: 3 });
    expect(typicalNextBootMs(path)).toBe(3_000);
  });

  it('a damaged or missing file is no history, and the next boot replaces it', () => {
    expect(readBootHistory(path)).toEqual([]);
    writeFileSync(path, '{"boots": [{"ms": "soon"}');
    expect(readBootHistory(path)).toEqual([]);
    writeFileSync(path, '{"boots": [{"ms": -5, "accel": "tcg", "at": 1}]}');
    expect(readBootHistory(path)).toEqual([]);
    recordBoot(path, { ms: 18_000, accel: 'tcg', at: 9 });
    expect(readBootHistory(path)).toEqual([{ ms: 18_000, accel: 'tcg', at: 9 }]);
  });

  it('a place it cannot write to loses only the figure', () => {
    writeFileSync(path, 'a file, so nothing can be created under it');
    expect(() => recordBoot(join(path, 'boot-times.json'), { ms: 1, accel: 'tcg', at: 1 })).not.toThrow();
  });
});
