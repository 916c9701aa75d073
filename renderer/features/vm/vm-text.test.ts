// The VM panel shows the backend's progress texts and problems in the user's language: every text
// and code the VM backend produces must have an entry in both catalogs (English shows otherwise).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ACCEL_NOTE_KEYS } from '../../../vm-backend/api/rules/vm-accel-note';
import { PROGRESS_KEYS, progressKey } from '../../../vm-backend/api/rules/vm-progress';
import en from '../../i18n/en.json';
import ko from '../../i18n/ko.json';
import {
  accelName,
  accelNoteText,
  bootTimeText,
  problemText,
  progressText,
  settingsCommand,
  sharesCommand,
} from './vm-text';

const vmDir = join(__dirname, '../../../vm-backend/vm');
const sources = readdirSync(vmDir, { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
  .map((f) => readFileSync(join(vmDir, f), 'utf8'));
type Cat = {
  vm: { accelName: Record<string, string>; bootTime: Record<string, string> };
  vmPanel: {
    progress: Record<string, string>;
    accelNote: Record<string, string>;
    problem: Record<string, { message: string; hint: string }>;
  };
};

describe('VM texts by key', () => {
  it('every progress text the VM backend sets has a key', () => {
    const texts = new Set<string>();
    for (const src of sources) {
      for (const m of src.matchAll(/\.(?:to|assume)\('[a-z]+', '([^']+)'/g)) texts.add(m[1] as string);
      for (const m of src.matchAll(/progress: '([^']+)'/g)) texts.add(m[1] as string);
    }
    expect(texts.size).toBeGreaterThan(15);
    expect([...texts].filter((x) => !progressKey(x))).toEqual([]);
    expect(progressKey('Booting Linux (software emulation)')).toEqual({ key: 'bootingTcg' });
    expect(progressKey('Booting Linux (kvm)')).toEqual({ key: 'booting', params: { accel: 'kvm' } });
    expect(progressKey('Something new')).toBeNull();
  });
  it('every progress key and every VM problem code has English and Korean text', () => {
    for (const cat of [en, ko] as unknown as Cat[]) {
      expect(PROGRESS_KEYS.filter((k) => !cat.vmPanel.progress[k])).toEqual([]);
    }
    const codes = new Set<string>();
    for (const src of sources)
      for (const m of src.matchAll(/code: '((?:VM|IMAGE)_[A-Z_]+)'/g)) codes.add(m[1] as string);
    for (const src of sources)
      for (const m of src.matchAll(/ImageError\('((?:IMAGE)_[A-Z_]+)'/g)) codes.add(m[1] as string);
    expect(codes.size).toBeGreaterThan(20);
    for (const cat of [en, ko] as unknown as Cat[]) {
      expect([...codes].filter((c) => !cat.vmPanel.problem[c]?.message || !cat.vmPanel.problem[c]?.hint)).toEqual([]);
    }
  });
  it('a known code is translated; an unknown one keeps the backend English', () => {
    const t = ((k: string) => `T(${k})`) as never;
    const exists = (k: string): boolean => k.startsWith('vmPanel.problem.VM_EXITED');
    expect(problemText(t, exists, { code: 'VM_EXITED', message: 'm', hint: 'h' })).toEqual({
      message: 'T(vmPanel.problem.VM_EXITED.message)',
      hint: 'T(vmPanel.problem.VM_EXITED.hint)',
      known: true,
    });
    expect(problemText(t, exists, { code: 'VM_NEW', message: 'English', hint: 'Way out' })).toEqual({
      message: 'English',
      hint: 'Way out',
      known: false,
    });
    expect(progressText(t, { name: 'd', state: 'running', progress: 'Running', since: 0 })).toBe(
      'T(vmPanel.progress.running)',
    );
    expect(progressText(t, { name: 'd', state: 'running', progress: 'Unlisted', since: 0 })).toBe('Unlisted');
  });
  it('the settings form names its command', () => {
    expect(settingsCommand({ cpus: 2, memoryMiB: 2048, diskGiB: 64 })).toBe(
      'wharf vm settings --cpus 2 --memory 2048 --disk 64',
    );
  });
  it('the shared folders form names its command, each path one shell word', () => {
    expect(sharesCommand(['/home/me', "/it's here"])).toBe(
      `wharf vm settings --share /home/me --share '/it'\\''s here'`,
    );
    expect(sharesCommand([])).toBe('wharf vm settings --no-share');
  });
  it('the accelerator and its note in plain words, in both languages', () => {
    for (const cat of [en, ko] as unknown as Cat[]) {
      expect(ACCEL_NOTE_KEYS.filter((k) => !cat.vmPanel.accelNote[k])).toEqual([]);
      expect(['tcg', 'kvm', 'hvf', 'whpx'].filter((a) => !cat.vm.accelName[a])).toEqual([]);
      expect(['elapsed', 'typical', 'slower'].filter((k) => !cat.vm.bootTime[k])).toEqual([]);
    }
    const t = ((k: string, p?: object) => `T(${k}${p && Object.keys(p).length ? JSON.stringify(p) : ''})`) as never;
    expect(accelNoteText(t, '/dev/kvm is missing or not writable: software emulation (slow)')).toBe(
      'T(vmPanel.accelNote.noKvm)',
    );
    expect(accelNoteText(t, 'a note from a newer backend')).toBe('a note from a newer backend');
    expect(accelName(t, (k) => k === 'vm.accelName.tcg', 'tcg')).toBe('T(vm.accelName.tcg)');
    expect(accelName(t, () => false, 'nvmm')).toBe('nvmm');
  });
  it('the boot progress says how long it has been and what a start usually takes here', () => {
    const t = ((k: string, p: object) => `${k} ${JSON.stringify(p)}`) as never;
    expect(bootTimeText(t, 12_400)).toBe('vm.bootTime.elapsed {"seconds":12}');
    expect(bootTimeText(t, 12_400, 21_600)).toBe('vm.bootTime.typical {"seconds":12,"typical":22}');
    expect(bootTimeText(t, 31_000, 21_600)).toBe('vm.bootTime.typical {"seconds":31,"typical":22}');
    expect(bootTimeText(t, 33_000, 21_600)).toBe('vm.bootTime.slower {"seconds":33,"typical":22}');
    expect(bootTimeText(t, -500, 21_600)).toBe('vm.bootTime.typical {"seconds":0,"typical":22}');
  });
});
