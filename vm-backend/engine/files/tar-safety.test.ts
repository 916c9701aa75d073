import { Readable } from 'node:stream';
import { pack } from 'tar-stream';
import { describe, expect, it } from 'vitest';
import { hasCode } from '../../api/errors';
import { parseStatLines, relativeName } from './file-list';
import { kindOfGoMode } from './file-stat';
import { safeEntryName, safeLinkTarget } from './tar-safety';

const refused = (f: () => unknown): boolean => {
  try {
    f();
    return false;
  } catch (e) {
    return hasCode(e, 'FILE_ARCHIVE_UNSAFE');
  }
};

describe('tar entries from the engine (zip slip)', () => {
  it('keeps names inside the folder and makes absolute ones relative', () => {
    expect(safeEntryName('/bin/sh')).toBe('bin/sh');
    expect(safeEntryName('d/sub/x')).toBe('d/sub/x');
  });
  it('refuses .. segments, NUL, and hard links pointing up', () => {
    expect(refused(() => safeEntryName('d/../../etc/passwd'))).toBe(true);
    expect(refused(() => safeEntryName('..'))).toBe(true);
    expect(refused(() => safeEntryName('a\0b'))).toBe(true);
    expect(refused(() => safeLinkTarget('link', '../../etc/shadow'))).toBe(true);
    expect(refused(() => safeLinkTarget('symlink', '/etc/shadow'))).toBe(false);
  });
  it('a crafted tar with an escaping entry is caught entry by entry', async () => {
    const p = pack();
    p.entry({ name: 'd/ok' }, 'x');
    p.entry({ name: 'd/../../evil' }, 'x');
    p.finalize();
    const names: string[] = [];
    const { extract } = await import('tar-stream');
    const ex = extract();
    ex.on('entry', (h, body, next) => {
      names.push(h.name);
      body.on('end', next);
      body.resume();
    });
    await new Promise<void>((r) => {
      ex.on('finish', () => r());
      Readable.from(p as unknown as AsyncIterable<Buffer>).pipe(ex);
    });
    expect(names.map((n) => refused(() => safeEntryName(n)))).toEqual([false, true]);
  });
});

describe('listing helpers', () => {
  it('parses stat -c lines, a name with a line break included', () => {
    const text = '3\t1700000000\t81a4\tnew\nline\n0\t1700000001\t41ed\tsub\n';
    expect(parseStatLines(text)).toEqual([
      { name: 'new\nline', kind: 'file', size: 3, mtime: 1700000000000, mode: 0o644 },
      { name: 'sub', kind: 'dir', size: 0, mtime: 1700000001000, mode: 0o755 },
    ]);
  });
  it('names archive entries relative to the folder asked for', () => {
    expect(relativeName('etc/', false)).toBe('');
    expect(relativeName('etc/passwd', false)).toBe('passwd');
    expect(relativeName('/bin/', true)).toBe('bin');
  });
  it("reads Go's file mode type bits", () => {
    expect(kindOfGoMode(2 ** 31 + 0o755)).toBe('dir');
    expect(kindOfGoMode(134218239)).toBe('link');
    expect(kindOfGoMode(0o644)).toBe('file');
    expect(kindOfGoMode(2 ** 25 + 0o644)).toBe('other');
  });
});
