import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { utils } from 'ssh2';
import { fingerprint, HostKeyStore, keyType } from './host-keys';

const blob = (): Buffer => Buffer.from(utils.generateKeyPairSync('ed25519').public.split(' ')[1] ?? '', 'base64');

describe('HostKeyStore', () => {
  it('pins a new host (0600 file, OpenSSH format), then knows it', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'wharf-kh-')), 'ssh', 'known_hosts');
    const store = new HostKeyStore(file);
    const key = blob();
    expect(store.check('[127.0.0.1]:2222', key).result).toBe('new');
    expect(store.check('[127.0.0.1]:2222', key).result).toBe('known');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, 'utf8')).toBe(`[127.0.0.1]:2222 ssh-ed25519 ${key.toString('base64')}\n`);
    expect(store.pinned('[127.0.0.1]:2222')).toBe(fingerprint(key));
  });
  it('refuses a changed key and keeps the pinned one', () => {
    const store = new HostKeyStore(join(mkdtempSync(join(tmpdir(), 'wharf-kh-')), 'known_hosts'));
    const [a, b] = [blob(), blob()];
    store.check('h', a);
    const c = store.check('h', b);
    expect(c).toEqual({ result: 'changed', fingerprint: fingerprint(b), expected: fingerprint(a) });
    expect(store.check('h', a).result).toBe('known');
    store.forget('h');
    expect(store.check('h', b).result).toBe('new');
  });
  it('prints fingerprints exactly as ssh-keygen -l does', () => {
    const dir = mkdtempSync(join(tmpdir(), 'wharf-kh-'));
    execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', join(dir, 'k')]);
    const line = readFileSync(join(dir, 'k.pub'), 'utf8');
    const key = Buffer.from(line.split(' ')[1] ?? '', 'base64');
    expect(keyType(key)).toBe('ssh-ed25519');
    expect(execFileSync('ssh-keygen', ['-lf', join(dir, 'k.pub')], { encoding: 'utf8' })).toContain(fingerprint(key));
  });
});
