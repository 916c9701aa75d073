import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { locateQemu, locateQemuImg, qemuCandidates, type QemuPlaces } from './qemu-locate';

/** A fake file system: only the listed paths exist. */
const only =
  (...paths: string[]) =>
  (p: string): boolean =>
    paths.includes(p);

const mac = (exists: (p: string) => boolean, resourcesPath?: string): QemuPlaces => ({
  platform: 'darwin',
  env: { PATH: '/usr/bin:/bin' },
  resourcesPath,
  exists,
});

describe('locateQemu', () => {
  it('takes the QEMU inside the app first, from a real resources folder', () => {
    const resources = mkdtempSync(join(tmpdir(), 'wharf-resources-'));
    mkdirSync(join(resources, 'qemu', 'bin'), { recursive: true });
    const bundled = join(resources, 'qemu', 'bin', 'qemu-system-aarch64');
    writeFileSync(bundled, '');
    const places: QemuPlaces = { platform: 'darwin', env: { PATH: '/usr/bin' }, resourcesPath: resources };
    expect(locateQemu('aarch64', places)).toBe(bundled);
    // ... even when Homebrew has one too.
    expect(locateQemu('aarch64', mac(only(bundled, '/opt/homebrew/bin/qemu-system-aarch64'), resources))).toBe(bundled);
  });

  it("finds Homebrew's QEMU that a Finder-started app's PATH does not name", () => {
    expect(locateQemu('aarch64', mac(only('/opt/homebrew/bin/qemu-system-aarch64'), '/Applications/W/Resources'))).toBe(
      '/opt/homebrew/bin/qemu-system-aarch64',
    );
    expect(locateQemu('x86_64', mac(only('/usr/local/bin/qemu-system-x86_64')))).toBe(
      '/usr/local/bin/qemu-system-x86_64',
    );
  });

  it('on Windows looks in the app, then C:\\Program Files\\qemu, then the PATH, with .exe', () => {
    const win = (exists: (p: string) => boolean): QemuPlaces => ({
      platform: 'win32',
      env: { Path: 'C:\\Windows\\system32;D:\\tools\\qemu' },
      resourcesPath: 'C:\\Users\\a\\AppData\\Local\\Programs\\Wharf\\resources',
      exists,
    });
    expect(
      qemuCandidates(
        'qemu-system-x86_64',
        win(() => false),
      ),
    ).toEqual([
      'C:\\Users\\a\\AppData\\Local\\Programs\\Wharf\\resources\\qemu\\bin\\qemu-system-x86_64.exe',
      'C:\\Users\\a\\AppData\\Local\\Programs\\Wharf\\resources\\qemu\\qemu-system-x86_64.exe',
      'C:\\Program Files\\qemu\\qemu-system-x86_64.exe',
      'C:\\Windows\\system32\\qemu-system-x86_64.exe',
      'D:\\tools\\qemu\\qemu-system-x86_64.exe',
    ]);
    expect(locateQemu('x86_64', win(only('C:\\Program Files\\qemu\\qemu-system-x86_64.exe')))).toBe(
      'C:\\Program Files\\qemu\\qemu-system-x86_64.exe',
    );
    expect(locateQemu('x86_64', win(only('D:\\tools\\qemu\\qemu-system-x86_64.exe')))).toBe(
      'D:\\tools\\qemu\\qemu-system-x86_64.exe',
    );
  });

  it('falls back to the PATH, and to the bare name when QEMU is nowhere', () => {
    expect(locateQemu('x86_64', mac(only('/usr/bin/qemu-system-x86_64')))).toBe('/usr/bin/qemu-system-x86_64');
    expect(
      locateQemu(
        'x86_64',
        mac(() => false),
      ),
    ).toBe('qemu-system-x86_64');
    expect(locateQemu('x86_64', { platform: 'win32', env: {}, exists: () => false })).toBe('qemu-system-x86_64.exe');
    expect(locateQemu('x86_64', { platform: 'linux', env: {}, exists: () => false })).toBe('qemu-system-x86_64');
  });

  it('lets WHARF_QEMU win over everything', () => {
    const places = mac(() => true, '/res');
    expect(locateQemu('x86_64', { ...places, env: { WHARF_QEMU: '/opt/q' } })).toBe('/opt/q');
  });
});

describe('locateQemuImg', () => {
  it('takes qemu-img beside the QEMU in use, else looks for it the same way', () => {
    const bundled = '/res/qemu/bin/qemu-system-aarch64';
    expect(locateQemuImg(bundled, mac(only('/res/qemu/bin/qemu-img', '/opt/homebrew/bin/qemu-img'), '/res'))).toBe(
      '/res/qemu/bin/qemu-img',
    );
    expect(locateQemuImg('qemu-system-aarch64', mac(only('/opt/homebrew/bin/qemu-img')))).toBe(
      '/opt/homebrew/bin/qemu-img',
    );
    expect(
      locateQemuImg(
        'qemu-system-aarch64',
        mac(() => false),
      ),
    ).toBe('qemu-img');
  });
});
