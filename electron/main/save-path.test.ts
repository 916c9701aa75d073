import nodePath from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_NAME_BYTES, saveName, splitSavePath } from './save-path';

const bytes = (s: string) => Buffer.byteLength(s, 'utf8');

describe('saveName', () => {
  it('keeps a plain name as it is', () => {
    expect(saveName('report.csv')).toBe('report.csv');
    expect(saveName('보고서 2026.txt')).toBe('보고서 2026.txt');
    expect(saveName('.env')).toBe('.env');
  });

  it('keeps only the last segment, POSIX- or Windows-style', () => {
    expect(saveName('../../etc/passwd')).toBe('passwd');
    expect(saveName('/etc/passwd')).toBe('passwd');
    expect(saveName('a\\b')).toBe('b');
    expect(saveName('C:\\Users\\me\\..\\evil.exe')).toBe('evil.exe');
    expect(saveName('a/b\\c')).toBe('c');
  });

  it('drops control characters (NUL, newlines, DEL, C1)', () => {
    expect(saveName('a\u0000b\nc\r\td\u007fe\u0085f.txt')).toBe('abcdef.txt');
    expect(saveName('x\u0000/../y')).toBe('y');
    // A lone surrogate has no UTF-8 form; a whole pair (an emoji) stays.
    expect(saveName('a\ud800b\udc00😀.txt')).toBe('ab😀.txt');
  });

  it("answers 'download' when nothing usable is left", () => {
    for (const bad of ['', '   ', '.', '..', '../', 'dir/', '\\', '\u0000\u0001', 'a/..', undefined, null, 42, {}]) {
      expect(saveName(bad), JSON.stringify(bad)).toBe('download');
    }
  });

  it('cuts very long names to 255 bytes on a character boundary, keeping a short extension', () => {
    const korean = `${'가'.repeat(200)}.txt`; // 604 bytes
    const cut = saveName(korean);
    expect(bytes(cut)).toBeLessThanOrEqual(MAX_NAME_BYTES);
    expect(cut).toBe(`${'가'.repeat(83)}.txt`); // 83 × 3 + 4 = 253
    expect(cut).not.toContain('\ufffd');

    const noExt = '한'.repeat(100); // 300 bytes
    expect(saveName(noExt)).toBe('한'.repeat(85)); // 255 bytes exactly

    const longExt = `a.${'b'.repeat(300)}`;
    expect(bytes(saveName(longExt))).toBe(MAX_NAME_BYTES);
    expect(saveName(longExt).startsWith('a.bbb')).toBe(true);

    const emoji = '😀'.repeat(70); // 4 bytes each, 280 bytes
    expect(saveName(emoji)).toBe('😀'.repeat(63));
  });
});

describe('splitSavePath', () => {
  it("splits the dialog's path into folder and name", () => {
    expect(splitSavePath('/home/me/Downloads/app.log', nodePath.posix)).toEqual({
      folder: '/home/me/Downloads',
      name: 'app.log',
    });
    expect(splitSavePath('C:\\Users\\me\\Downloads\\app.log', nodePath.win32)).toEqual({
      folder: 'C:\\Users\\me\\Downloads',
      name: 'app.log',
    });
  });

  it('answers null when cancelled, relative or without a name', () => {
    expect(splitSavePath(null)).toBeNull();
    expect(splitSavePath('', nodePath.posix)).toBeNull();
    expect(splitSavePath('app.log', nodePath.posix)).toBeNull();
    expect(splitSavePath('/', nodePath.posix)).toBeNull();
    expect(splitSavePath('C:\\', nodePath.win32)).toBeNull();
  });
});
