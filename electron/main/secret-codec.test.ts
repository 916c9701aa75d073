import { describe, expect, it } from 'vitest';
import { keychainCodec, type SafeStorageLike } from './secret-codec';

const fake = (available: boolean, backend?: string): SafeStorageLike => ({
  isEncryptionAvailable: () => available,
  ...(backend ? { getSelectedStorageBackend: () => backend } : {}),
  encryptString: (p) => Buffer.from(`sealed:${[...p].reverse().join('')}`),
  decryptString: (b) => [...b.toString().replace(/^sealed:/, '')].reverse().join(''),
});

describe('keychainCodec', () => {
  it('seals and opens through safeStorage; the sealed text is not the secret', () => {
    const c = keychainCodec(fake(true, 'gnome_libsecret'), 'linux');
    const sealed = c!.seal('hunter2');
    expect(sealed).not.toContain('hunter2');
    expect(c!.open(sealed)).toBe('hunter2');
  });
  it('none when the OS has no keychain, or Linux offers only plain text', () => {
    expect(keychainCodec(fake(false), 'darwin')).toBeUndefined();
    expect(keychainCodec(fake(true, 'basic_text'), 'linux')).toBeUndefined();
    expect(keychainCodec(fake(true), 'linux')).toBeUndefined();
    expect(keychainCodec(fake(true), 'darwin')).toBeDefined();
  });
});
