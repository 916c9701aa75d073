// Faults injected for real: a corrupt file on disk, a read-only folder (a tmpfs mounted read-only:
// chmod does not stop root), a full disk (a tiny tmpfs). Needs root for mount.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WharfError } from '../api/errors';
import { RegistryStore } from '../registry/registry-store';
import { readRuntime, readSettings } from '../vm/lifecycle/vm-runtime';
import { vmFiles } from '../vm/vm-files';
import { z } from 'zod';
import { readSettingsFile, settingsNotices, writeSettingsFileSync } from './settings-file';
import { HostKeyStore } from './ssh/host-keys';
import { TargetStore } from './targets';

/** An ssh-ed25519 public key blob (string 'ssh-ed25519', then 32 key bytes). */
const sshKey = (fill: string): Buffer => {
  const type = Buffer.from('ssh-ed25519');
  const len = (n: number): Buffer => Buffer.from([0, 0, 0, n]);
  return Buffer.concat([len(type.length), type, len(32), Buffer.alloc(32, fill)]);
};

const root = mkdtempSync(join(tmpdir(), 'wharf-settings-'));
const mounts: string[] = [];
const mount = (dir: string, opts: string): void => {
  mkdirSync(dir, { recursive: true });
  execFileSync('mount', ['-t', 'tmpfs', '-o', opts, 'tmpfs', dir]);
  mounts.push(dir);
};
const remountRo = (dir: string): void => {
  execFileSync('mount', ['-o', 'remount,ro', dir]);
};
afterAll(() => {
  for (const m of mounts.reverse()) execFileSync('umount', ['-l', m]);
  rmSync(root, { recursive: true, force: true });
});

const kept = (dir: string, name: string): string[] => readdirSync(dir).filter((n) => n.startsWith(`${name}.corrupt-`));

describe('a corrupt settings file is set aside, never overwritten', () => {
  it('targets.json that does not parse: renamed beside it byte for byte, noted, and a save writes a new one', () => {
    const dir = join(root, 'corrupt-targets');
    mkdirSync(dir);
    const bad = '{"active":"build","targets":[{"name":"build","engine":"ssh://me@box:22"}'; // cut short
    writeFileSync(join(dir, 'targets.json'), bad);
    const store = new TargetStore(dir, 'linux');
    expect(store.list().targets.map((t) => t.name)).toEqual(['local', 'vm']);
    const aside = kept(dir, 'targets.json');
    expect(aside).toHaveLength(1);
    expect(aside[0]).toMatch(/^targets\.json\.corrupt-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\dZ$/);
    expect(readFileSync(join(dir, aside[0] as string), 'utf8')).toBe(bad);
    store.save({ name: 'other', engine: 'ssh://me@other:22' });
    expect(readFileSync(join(dir, aside[0] as string), 'utf8')).toBe(bad);
    expect(JSON.parse(readFileSync(join(dir, 'targets.json'), 'utf8')).targets).toHaveLength(1);
    const notes = settingsNotices([join(dir, 'targets.json')]);
    expect(notes).toEqual([
      expect.objectContaining({ file: join(dir, 'targets.json'), keptAs: join(dir, aside[0] as string) }),
    ]);
    expect(notes[0]?.reason).toMatch(/JSON/);
  });

  it('registries.json of the wrong shape (valid JSON) is set aside with its credentials', async () => {
    const dir = join(root, 'corrupt-registries');
    mkdirSync(dir);
    const file = join(dir, 'registries.json');
    const bad = JSON.stringify({ registries: { host: 'reg.example', secret: 'hunter2' } });
    writeFileSync(file, bad, { mode: 0o600 });
    expect(await new RegistryStore(file).list()).toEqual([]);
    const aside = kept(dir, 'registries.json');
    expect(aside).toHaveLength(1);
    expect(readFileSync(join(dir, aside[0] as string), 'utf8')).toBe(bad);
    expect(statSync(join(dir, aside[0] as string)).mode & 0o777).toBe(0o600);
    // A second process (the CLI, the next start) still sees the notice: it is the file on disk.
    expect(settingsNotices([file])).toHaveLength(1);
  });

  it('one entry Wharf would never save (a hand edit) sets the whole file aside instead of dropping it', async () => {
    const dir = join(root, 'bad-entry');
    mkdirSync(dir);
    const targets = JSON.stringify({
      targets: [
        { name: 'box', engine: 'ssh://me@box:22' },
        { name: 'My Box', engine: 'x' },
      ],
    });
    writeFileSync(join(dir, 'targets.json'), targets);
    const registries = JSON.stringify({ registries: [{ host: 'reg.example' }, { host: 'https://bad/' }] });
    writeFileSync(join(dir, 'registries.json'), registries);
    expect(new TargetStore(dir, 'linux').list().targets.map((t) => t.name)).toEqual(['local', 'vm']);
    expect(await new RegistryStore(join(dir, 'registries.json')).list()).toEqual([]);
    expect(readFileSync(join(dir, kept(dir, 'targets.json')[0] as string), 'utf8')).toBe(targets);
    expect(readFileSync(join(dir, kept(dir, 'registries.json')[0] as string), 'utf8')).toBe(registries);
  });

  it("the VM's settings.json and runtime.json: set aside, read as none", () => {
    const files = vmFiles(join(root, 'vms'), 'default');
    mkdirSync(files.dir, { recursive: true });
    writeFileSync(files.settings, '{"cpus": "two"}');
    writeFileSync(files.runtime, '\0\0\0\0');
    expect(readSettings(files)).toBeNull();
    expect(readRuntime(files)).toBeNull();
    expect(kept(files.dir, 'settings.json')).toHaveLength(1);
    expect(kept(files.dir, 'runtime.json')).toHaveLength(1);
  });
});

describe('a settings write that fails is SETTINGS_WRITE_FAILED and changes nothing', () => {
  const ro = join(root, 'ro');
  beforeAll(async () => {
    mount(ro, 'size=1m,mode=0700');
    new TargetStore(ro, 'linux').save({ name: 'kept', engine: 'ssh://me@kept:22' });
    await new RegistryStore(join(ro, 'registries.json')).put({ host: 'kept.example', username: 'me', secret: 's' });
    writeFileSync(join(ro, 'runtime.json'), '{"nonce": ');
    remountRo(ro);
  });

  it('a corrupt file that cannot be moved (read-only folder) is left as it is and noted once', () => {
    const file = join(ro, 'runtime.json');
    for (let i = 0; i < 3; i++)
      expect(readSettingsFile(file, z.object({ nonce: z.string() }).nullable(), null)).toBeNull();
    expect(readFileSync(file, 'utf8')).toBe('{"nonce": ');
    expect(settingsNotices([file])).toEqual([expect.objectContaining({ file, reason: expect.stringMatching(/JSON/) })]);
    expect(settingsNotices([file])[0]?.keptAs).toBeUndefined();
  });

  it('a read-only folder (EROFS): targets keep what they had', () => {
    const store = new TargetStore(ro, 'linux');
    let err: unknown;
    try {
      store.save({ name: 'new', engine: 'ssh://me@new:22' });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(WharfError);
    expect((err as WharfError).code).toBe('SETTINGS_WRITE_FAILED');
    expect((err as WharfError).detail).toContain(join(ro, 'targets.json'));
    expect((err as WharfError).detail).toMatch(/EROFS|read-only/);
    expect(store.list().targets.map((t) => t.name)).toEqual(['local', 'vm', 'kept']);
  });

  it('a read-only folder: the unsaved registry does not show, in this store or the next', async () => {
    const file = join(ro, 'registries.json');
    const store = new RegistryStore(file);
    await expect(store.put({ host: 'new.example' })).rejects.toMatchObject({ code: 'SETTINGS_WRITE_FAILED' });
    await expect(store.remove('kept.example')).rejects.toMatchObject({ code: 'SETTINGS_WRITE_FAILED' });
    expect((await store.list()).map((r) => r.host)).toEqual(['kept.example']);
    expect((await new RegistryStore(file).list()).map((r) => r.host)).toEqual(['kept.example']);
  });

  it('a full disk (ENOSPC): the old file stays whole, no temp file is left', () => {
    const full = join(root, 'full');
    mount(full, 'size=64k');
    const file = join(full, 'targets.json');
    writeSettingsFileSync(file, { targets: [{ name: 'kept', engine: 'ssh://me@kept:22' }] }, { mode: 0o600 });
    const before = readFileSync(file, 'utf8');
    let filler = 0;
    try {
      for (;;) writeFileSync(join(full, `fill-${filler++}`), Buffer.alloc(4096, 1));
    } catch (e) {
      expect((e as NodeJS.ErrnoException).code).toBe('ENOSPC');
    }
    const big = { targets: Array.from({ length: 500 }, (_, i) => ({ name: `t${i}`, engine: 'ssh://me@x:22' })) };
    expect(() => writeSettingsFileSync(file, big)).toThrow(
      expect.objectContaining({ code: 'SETTINGS_WRITE_FAILED', detail: expect.stringMatching(/ENOSPC/) }),
    );
    expect(readFileSync(file, 'utf8')).toBe(before);
    // known_hosts (pinned SSH host keys) too: pinning on a full disk fails with the code and
    // leaves no empty or half-written known_hosts behind.
    const pins = new HostKeyStore(join(full, 'known_hosts'));
    expect(() => pins.check('[box]:22', sshKey('b'))).toThrow(
      expect.objectContaining({ code: 'SETTINGS_WRITE_FAILED' }),
    );
    expect(readdirSync(full).filter((n) => !n.startsWith('fill-'))).toEqual(['targets.json']);
  });
});
