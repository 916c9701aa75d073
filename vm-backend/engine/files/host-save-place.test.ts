import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { WharfError } from '../../api/errors';
import { hostSafeName, numberedName, openPart, placePart, saveFolder } from './host-save-place';

const root = mkdtempSync(join(tmpdir(), 'wharf-place-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const code = (p: Promise<unknown>): Promise<string> =>
  p.then(
    () => 'resolved',
    (e: unknown) => (e instanceof WharfError ? e.code : String(e)),
  );

async function part(folder: string, text: string): Promise<string> {
  const p = await openPart(folder);
  await p.handle.writeFile(text);
  await p.handle.close();
  return p.path;
}

describe('host-save-place', () => {
  it('names: separators and control characters go, Windows reserved ones too, the extension stays', () => {
    expect(hostSafeName('notes.txt', 'linux')).toBe('notes.txt');
    expect(hostSafeName('a\nb\u0000c', 'linux')).toBe('a_b_c');
    expect(hostSafeName('a:b?.txt', 'linux')).toBe('a:b?.txt');
    expect(hostSafeName('a:b?.txt', 'win32')).toBe('a_b_.txt');
    expect(hostSafeName('CON.log', 'win32')).toBe('_CON.log');
    expect(hostSafeName('trailing. ', 'win32')).toBe('trailing');
    expect(hostSafeName('..', 'linux')).toBe('download');
    const long = `${'가'.repeat(200)}.tar`;
    const cut = hostSafeName(long, 'linux');
    expect(Buffer.byteLength(cut)).toBeLessThanOrEqual(255);
    expect(cut.endsWith('.tar')).toBe(true);
    expect(numberedName('big.bin', 0)).toBe('big.bin');
    expect(numberedName('big.bin', 2)).toBe('big (2).bin');
    expect(numberedName('.bashrc', 1)).toBe('.bashrc (1)');
  });

  it('the folder: its real path; not absolute, missing or a file is a coded error', async () => {
    const real = join(root, 'real');
    mkdirSync(real);
    symlinkSync(real, join(root, 'via-link'));
    writeFileSync(join(root, 'a-file'), 'x');
    expect(await saveFolder(join(root, 'via-link'))).toBe(real);
    expect(await saveFolder('~/real', root)).toBe(real);
    expect(await code(saveFolder('relative/dir'))).toBe('HOST_PATH_NOT_ABSOLUTE');
    expect(await code(saveFolder(join(root, 'missing')))).toBe('HOST_PATH_NOT_FOUND');
    expect(await code(saveFolder(join(root, 'a-file')))).toBe('HOST_PATH_NOT_FOLDER');
  });

  it('a taken name is never replaced unless asked: name (1), (2); a link of that name is not followed', async () => {
    const dir = join(root, 'place');
    mkdirSync(dir);
    const outside = join(root, 'outside.txt');
    writeFileSync(outside, 'keep me');
    writeFileSync(join(dir, 'f.txt'), 'first');
    expect(await placePart(await part(dir, 'second'), dir, 'f.txt', false)).toBe(join(dir, 'f (1).txt'));
    expect(await placePart(await part(dir, 'third'), dir, 'f.txt', false)).toBe(join(dir, 'f (2).txt'));
    expect(readFileSync(join(dir, 'f.txt'), 'utf8')).toBe('first');
    expect(await placePart(await part(dir, 'replaced'), dir, 'f.txt', true)).toBe(join(dir, 'f.txt'));
    expect(readFileSync(join(dir, 'f.txt'), 'utf8')).toBe('replaced');
    symlinkSync(outside, join(dir, 'link.txt'));
    await placePart(await part(dir, 'over the link'), dir, 'link.txt', true);
    expect(readFileSync(outside, 'utf8')).toBe('keep me');
    expect(readFileSync(join(dir, 'link.txt'), 'utf8')).toBe('over the link');
    // No part file is left behind.
    expect(readdirSync(dir).filter((n) => n.endsWith('.part'))).toEqual([]);
  });

  it('a name that is not one segment is refused, and a folder it cannot write to is HOST_PATH_UNWRITABLE', async () => {
    const dir = join(root, 'names');
    mkdirSync(dir);
    const p = await part(dir, 'x');
    expect(await code(placePart(p, dir, '../escape.txt', true))).toBe('HOST_PATH_UNWRITABLE');
    expect(readdirSync(root)).not.toContain('escape.txt');
    expect(await code(openPart(join(root, 'no-such-folder')))).toBe('HOST_PATH_NOT_FOUND');
  });
});
