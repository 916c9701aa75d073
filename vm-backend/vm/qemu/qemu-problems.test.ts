import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { installQemuHint, noQemu } from './qemu-problems';

describe('missing QEMU', () => {
  it('says what to do on each kind of computer, without scripts a person does not have', () => {
    expect(installQemuHint('darwin')).toMatch(/reinstalling Wharf.*brew install qemu/);
    expect(installQemuHint('win32')).toMatch(/reinstalling Wharf.*qemu\.org.*C:\\Program Files\\qemu/);
    expect(installQemuHint('linux', 'x86_64')).toContain('sudo apt-get install qemu-system-x86 qemu-utils');
    expect(installQemuHint('linux', 'aarch64')).toContain('qemu-system-arm');
    const p = noQemu('qemu-system-x86_64.exe', 'spawn ENOENT', 'win32');
    expect(p).toMatchObject({ code: 'VM_NO_QEMU', detail: 'spawn ENOENT' });
    expect(p.message).toContain('qemu-system-x86_64.exe');
    expect(p.hint).toBe(installQemuHint('win32'));
  });

  it("the VM panel's words (English and Korean) give each OS's step for QEMU and the image", () => {
    for (const lang of ['en', 'ko']) {
      const file = join(__dirname, '../../../renderer/i18n', `${lang}.json`);
      const problems = JSON.parse(readFileSync(file, 'utf8')).vmPanel.problem;
      const qemu: string = problems.VM_NO_QEMU.hint;
      for (const step of ['Mac', 'brew install qemu', 'Windows', 'C:\\Program Files\\qemu', 'Linux', 'apt-get'])
        expect(qemu, `${lang}: ${step}`).toContain(step);
      const image: string = problems.IMAGE_MISSING.hint;
      expect(image, lang).not.toContain('build-image.sh');
      expect(image, lang).toContain('Wharf');
    }
  });
});
