import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DesktopPrefsFile } from './desktop-prefs';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'wharf-prefs-'));
});
afterEach(() => {
  chmodSync(dir, 0o700);
  rmSync(dir, { recursive: true, force: true });
});

describe('DesktopPrefsFile', () => {
  it('starts with "ask" and keeps what is saved, one key at a time', () => {
    const prefs = new DesktopPrefsFile(dir);
    expect(prefs.read()).toEqual({ quitVm: 'ask' });
    expect(prefs.update({ window: { x: 1, y: 2, width: 800, height: 600 } })).toBe(true);
    expect(prefs.update({ quitVm: 'stop' })).toBe(true);
    expect(new DesktopPrefsFile(dir).read()).toEqual({
      quitVm: 'stop',
      window: { x: 1, y: 2, width: 800, height: 600 },
    });
  });

  it('a corrupt file gives the defaults, is kept aside, and the next save works', () => {
    const prefs = new DesktopPrefsFile(dir);
    for (const junk of ['{"quitVm": "sometimes"}', '{not json', '\u0000\u0001']) {
      writeFileSync(prefs.file, junk);
      expect(prefs.read(), junk).toEqual({ quitVm: 'ask' });
    }
    expect(readdirSync(dir).some((f) => f.startsWith('desktop.json.corrupt-'))).toBe(true);
    expect(prefs.update({ quitVm: 'keep' })).toBe(true);
    expect(JSON.parse(readFileSync(prefs.file, 'utf8'))).toEqual({ quitVm: 'keep' });
  });

  it('a folder it cannot write: defaults, and update answers false instead of throwing', () => {
    // A file where its folder should be: no one can write there, root included.
    writeFileSync(join(dir, 'sub'), 'a file');
    const prefs = new DesktopPrefsFile(join(dir, 'sub'));
    expect(prefs.read()).toEqual({ quitVm: 'ask' });
    expect(prefs.update({ quitVm: 'stop' })).toBe(false);
  });
});
