import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { WharfError } from '../api/errors';
import { addressOf, checkAddress, checkKeyFile, checkName, targetFromForm } from './target-validate';

const codeOf = (f: () => unknown): string => {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(WharfError);
    const w = e as WharfError;
    expect(w.message.length).toBeGreaterThan(10);
    expect(w.hint.length).toBeGreaterThan(10);
    return w.code;
  }
  throw new Error('did not throw');
};

describe('target names', () => {
  it('accepts short lowercase names', () => {
    for (const n of ['box', 'build-server', 'a', 'x.y_z-1', 'a'.repeat(41)]) expect(() => checkName(n)).not.toThrow();
  });
  it('refuses local, bad characters, newlines and long names', () => {
    expect(codeOf(() => checkName('local'))).toBe('TARGET_NAME_RESERVED');
    for (const n of ['', 'Box', 'my box', '-x', '.x', 'a\nb', 'a/b', '../x', '$(id)', 'a'.repeat(42), 'é'])
      expect(
        codeOf(() => checkName(n)),
        n,
      ).toBe('TARGET_NAME_INVALID');
  });
});

describe('addresses', () => {
  it('takes user@host[:port] with or without ssh:// and writes the engine string', () => {
    expect(checkAddress('me@10.0.0.5')).toBe('ssh://me@10.0.0.5:22');
    expect(checkAddress(' deploy@build.example.com:2222 ')).toBe('ssh://deploy@build.example.com:2222');
    expect(checkAddress('ssh://me@[::1]:2200')).toBe('ssh://me@[::1]:2200');
    expect(addressOf('ssh://me@h:22')).toBe('me@h:22');
  });
  it('refuses a missing user, bad ports, control characters and hostile input', () => {
    for (const a of [
      '',
      'host',
      '@host',
      'me@',
      'me@host:0',
      'me@host:70000',
      'me@host:22\nProxyCommand x',
      'me@ho st',
      'me@host/x',
      'me@host;rm -rf /',
      'me@$(id)',
      'ftp://me@h',
      'me@h\u0000',
    ]) {
      expect(
        codeOf(() => checkAddress(a)),
        JSON.stringify(a),
      ).toBe('TARGET_ADDRESS_INVALID');
    }
  });
});

describe('key files', () => {
  const dir = mkdtempSync(join(tmpdir(), 'wharf-key-'));
  const key = join(dir, 'id_ed25519');
  writeFileSync(key, '-----BEGIN OPENSSH PRIVATE KEY-----\n', { mode: 0o600 });
  it('accepts a readable file given by full path', () => {
    expect(checkKeyFile(key)).toBe(key);
  });
  it('refuses relative paths, missing files, folders, .pub files, big files and control characters', () => {
    expect(codeOf(() => checkKeyFile('id_ed25519'))).toBe('TARGET_KEY_PATH_INVALID');
    expect(codeOf(() => checkKeyFile(`${key}\n`))).toBe('TARGET_KEY_PATH_INVALID');
    expect(codeOf(() => checkKeyFile(join(dir, 'nope')))).toBe('TARGET_KEY_MISSING');
    mkdirSync(join(dir, 'folder'));
    expect(codeOf(() => checkKeyFile(join(dir, 'folder')))).toBe('TARGET_KEY_NOT_FILE');
    writeFileSync(`${key}.pub`, 'ssh-ed25519 AAAA me\n');
    expect(codeOf(() => checkKeyFile(`${key}.pub`))).toBe('TARGET_KEY_NOT_KEY');
    writeFileSync(join(dir, 'big'), Buffer.alloc(65 * 1024));
    expect(codeOf(() => checkKeyFile(join(dir, 'big')))).toBe('TARGET_KEY_NOT_KEY');
  });
  it.skipIf(process.getuid?.() === 0)('refuses a file Wharf may not read', () => {
    const locked = join(dir, 'locked');
    writeFileSync(locked, 'x', { mode: 0o000 });
    chmodSync(locked, 0o000);
    expect(codeOf(() => checkKeyFile(locked))).toBe('TARGET_KEY_UNREADABLE');
  });
  it('a whole form: the first problem, or the target', () => {
    expect(targetFromForm({ name: 'box', address: 'me@h:2222', identity: key })).toEqual({
      name: 'box',
      engine: 'ssh://me@h:2222',
      identity: key,
    });
    expect(targetFromForm({ name: 'box', address: 'me@h', identity: '  ' })).toEqual({
      name: 'box',
      engine: 'ssh://me@h:22',
    });
    expect(codeOf(() => targetFromForm({ name: 'Box', address: 'nope', identity: 'x' }))).toBe('TARGET_NAME_INVALID');
  });
});
