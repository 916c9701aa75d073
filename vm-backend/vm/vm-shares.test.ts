import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { seedText } from './guest/guest-link';
import { bootShares, checkShares, settingsView } from './vm-shares';
import { planSettings } from './vm-settings';

const dir = mkdtempSync(join(tmpdir(), 'wharf-shares-'));
mkdirSync(join(dir, 'home/src'), { recursive: true });
writeFileSync(join(dir, 'file.txt'), 'x');
const codeOf = (f: () => void): string | undefined => {
  try {
    f();
  } catch (e) {
    return (e as { code?: string }).code;
  }
  return undefined;
};

describe('checking shared folders', () => {
  it('accepts folders that exist', () => {
    expect(codeOf(() => checkShares([join(dir, 'home')]))).toBeUndefined();
  });
  it('gives each bad list its coded error, with a hint', () => {
    expect(codeOf(() => checkShares(['/']))).toBe('VM_SHARE_ROOT');
    expect(codeOf(() => checkShares([join(dir, 'gone')]))).toBe('VM_SHARE_MISSING');
    expect(codeOf(() => checkShares([join(dir, 'file.txt')]))).toBe('VM_SHARE_MISSING');
    expect(codeOf(() => checkShares([join(dir, 'home'), join(dir, 'home/src')]))).toBe('VM_SHARE_NESTED');
    expect(codeOf(() => checkShares(['relative/path']))).toBe('VM_SHARE_INVALID');
    try {
      checkShares(['/']);
    } catch (e) {
      expect((e as { hint: string }).hint).toMatch(/home folder/);
    }
  });
  it('boots with the folders that still exist and names the others', () => {
    const s = { cpus: 1, memoryMiB: 1024, diskGiB: 8, network: true };
    expect(bootShares({ ...s, shares: [join(dir, 'home'), join(dir, 'gone')] })).toEqual({
      shares: [join(dir, 'home')],
      missing: [join(dir, 'gone')],
    });
    expect(bootShares(s, join(dir, 'home')).shares).toEqual([join(dir, 'home')]);
    expect(settingsView(s, '/home/me')?.shares).toEqual(['/home/me']);
  });
  it('a new list needs a restart; a bad one is refused', () => {
    const cur = { cpus: 1, memoryMiB: 1024, diskGiB: 8, network: true };
    expect(planSettings(cur, { shares: ['/a'] }, 2, 4096).needsRestart).toEqual(['shares']);
    expect(planSettings({ ...cur, shares: ['/a'] }, { shares: ['/a'] }, 2, 4096).needsRestart).toEqual([]);
    expect(planSettings(cur, { shares: ['/'] }, 2, 4096).refused.map((r) => r.field)).toEqual(['shares']);
  });
  it('the seed names each share by its tag, in order', () => {
    expect(seedText({ nonce: 'n', hostname: 'h', pubkey: 'k', shares: ['/home/me', '/a b'] })).toBe(
      'WHARF_NONCE=n\nWHARF_HOSTNAME=h\nWHARF_PUBKEY=k\nWHARF_SHARE=wharf0 /home/me\nWHARF_SHARE=wharf1 /a b\n',
    );
  });
});
