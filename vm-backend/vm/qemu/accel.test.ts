import { describe, expect, it } from 'vitest';
import { type AccelFacts, chooseAccel, parseAccelHelp } from './accel';

const linux: AccelFacts = { platform: 'linux', sameArch: true, qemuAccels: ['kvm', 'tcg'], kvmDevice: true, hung: [] };

describe('chooseAccel', () => {
  it('picks the native accelerator when usable', () => {
    expect(chooseAccel(linux).accel).toBe('kvm');
    expect(chooseAccel({ ...linux, platform: 'darwin', qemuAccels: ['hvf', 'tcg'] }).accel).toBe('hvf');
    expect(chooseAccel({ ...linux, platform: 'win32', qemuAccels: ['whpx', 'tcg'] }).accel).toBe('whpx');
  });
  it('falls back to tcg with a reason', () => {
    expect(chooseAccel({ ...linux, kvmDevice: false })).toMatchObject({
      accel: 'tcg',
      reason: expect.stringContaining('/dev/kvm'),
    });
    expect(chooseAccel({ ...linux, qemuAccels: ['tcg'] }).reason).toMatch(/no kvm/);
    expect(chooseAccel({ ...linux, sameArch: false }).accel).toBe('tcg');
    expect(chooseAccel({ ...linux, platform: 'freebsd' }).accel).toBe('tcg');
  });
  it('never retries an accelerator that hung here (KVM on the build machines)', () => {
    expect(chooseAccel({ ...linux, hung: ['kvm'] })).toMatchObject({
      accel: 'tcg',
      reason: expect.stringContaining('hung'),
    });
  });
  it('parses `-accel help`', () => {
    expect(parseAccelHelp('Accelerators supported in QEMU binary:\ntcg\nkvm\nxen\n')).toEqual(['tcg', 'kvm', 'xen']);
  });
});
