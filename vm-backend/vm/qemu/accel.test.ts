import { describe, expect, it } from 'vitest';
import { accelNoteKey } from '../../api/rules/vm-accel-note';
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
  it('every fallback reason has a plain-words note in the panel (issue 15 item 5)', () => {
    const fallbacks = [
      { ...linux, kvmDevice: false },
      { ...linux, qemuAccels: ['tcg'] },
      { ...linux, sameArch: false },
      { ...linux, platform: 'freebsd' as const },
      { ...linux, hung: ['kvm' as const] },
    ].map((f) => chooseAccel(f).reason);
    expect(fallbacks.map(accelNoteKey).map((k) => k?.key)).toEqual([
      'noKvm',
      'qemuLacks',
      'otherArch',
      'noAccelPlatform',
      'hungBefore',
    ]);
    expect(accelNoteKey(chooseAccel({ ...linux, qemuAccels: ['tcg'] }).reason)?.params).toEqual({ accel: 'kvm' });
    // vm-boot.ts words a fallback during a start this way.
    expect(accelNoteKey('kvm failed to start the VM on this machine: using software emulation (slow)')).toEqual({
      key: 'failedNow',
      params: { accel: 'kvm' },
    });
    expect(
      accelNoteKey('kvm did not boot the VM within 45 s on this machine: using software emulation (slow)'),
    ).toEqual({
      key: 'hungNow',
      params: { accel: 'kvm', seconds: '45' },
    });
    expect(accelNoteKey('WHARF_VM_ACCEL=tcg')).toEqual({ key: 'forced', params: { accel: 'tcg' } });
    expect(accelNoteKey('something new')).toBeNull();
  });
});
