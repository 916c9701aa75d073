import { chmod, mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PATH_ENTRIES_MAX } from '../../api/contract.host-paths';
import { calls } from '../../api/contract';
import { completePath } from './host-paths-calls';

let root: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'wharf-paths-'));
  await mkdir(join(root, 'app', 'src'), { recursive: true });
  await mkdir(join(root, 'apples'));
  await writeFile(join(root, 'app.txt'), 'x');
  await writeFile(join(root, 'zeta'), 'x');
  await mkdir(join(root, '.git'));
  await symlink(join(root, 'app'), join(root, 'applink'));
  await symlink(join(root, 'missing'), join(root, 'broken'));
  await mkdir(join(root, 'locked'));
  await chmod(join(root, 'locked'), 0o000);
  await mkdir(join(root, 'many'));
  for (let i = 0; i < PATH_ENTRIES_MAX + 5; i++) await writeFile(join(root, 'many', `f${i}`), '');
});
afterAll(async () => {
  await chmod(join(root, 'locked'), 0o755);
  await rm(root, { recursive: true, force: true });
});

const names = (r: { entries: { name: string }[] }): string[] => r.entries.map((e) => e.name);

describe('completePath', () => {
  it('lists a folder, folders first then by name, hiding dot entries', async () => {
    const r = await completePath({ path: `${root}/`, dirsOnly: false });
    expect(r.folder).toBe(root);
    expect(names(r)).toEqual(['app', 'apples', 'applink', 'locked', 'many', 'app.txt', 'broken', 'zeta']);
    expect(r.entries.find((e) => e.name === 'app')?.path).toBe(join(root, 'app') + sep);
    expect(r.entries.find((e) => e.name === 'applink')).toMatchObject({ kind: 'dir', link: true });
    expect(r.entries.find((e) => e.name === 'broken')).toMatchObject({ kind: 'other', link: true });
  });

  it('keeps the names starting with what follows the folder, and dot entries when asked with a dot', async () => {
    expect(names(await completePath({ path: join(root, 'app'), dirsOnly: false }))).toEqual([
      'app',
      'apples',
      'applink',
      'app.txt',
    ]);
    expect(names(await completePath({ path: join(root, 'app'), dirsOnly: true }))).toEqual([
      'app',
      'apples',
      'applink',
    ]);
    expect(names(await completePath({ path: join(root, '.g'), dirsOnly: false }))).toEqual(['.git']);
  });

  it('expands ~ and an empty path to the home folder given', async () => {
    expect((await completePath({ path: '', dirsOnly: true }, root)).folder).toBe(root);
    expect(names(await completePath({ path: '~/ap', dirsOnly: true }, root))).toEqual(['app', 'apples', 'applink']);
  });

  it('normalises .. instead of listing a made-up folder', async () => {
    const r = await completePath({ path: `${join(root, 'app', 'src')}/../../`, dirsOnly: true });
    expect(r.folder).toBe(root);
  });

  it('refuses a relative path, a missing folder, a file and an unreadable folder with their codes', async () => {
    await expect(completePath({ path: 'app/src', dirsOnly: false })).rejects.toMatchObject({
      code: 'HOST_PATH_NOT_ABSOLUTE',
    });
    await expect(completePath({ path: join(root, 'nope', 'x'), dirsOnly: false })).rejects.toMatchObject({
      code: 'HOST_PATH_NOT_FOUND',
    });
    await expect(completePath({ path: `${join(root, 'zeta')}/`, dirsOnly: false })).rejects.toMatchObject({
      code: 'HOST_PATH_NOT_FOLDER',
    });
    // root ignores permissions: the unreadable case only means something for an ordinary user.
    if (process.getuid?.() !== 0)
      await expect(completePath({ path: `${join(root, 'locked')}/`, dirsOnly: false })).rejects.toMatchObject({
        code: 'HOST_PATH_UNREADABLE',
      });
  });

  it('sends at most PATH_ENTRIES_MAX entries and says it cut the list', async () => {
    const r = await completePath({ path: `${join(root, 'many')}/`, dirsOnly: false });
    expect(r.entries).toHaveLength(PATH_ENTRIES_MAX);
    expect(r.truncated).toBe(true);
  });

  it('the contract refuses control characters in the path', () => {
    expect(calls['host:complete-path'].input.safeParse({ path: '/tmp/\u0000x' }).success).toBe(false);
    expect(calls['host:complete-path'].input.safeParse({ path: '/tmp/x' }).success).toBe(true);
  });
});
