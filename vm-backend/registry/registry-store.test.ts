import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MAX_REGISTRIES, RegistryStore, type SecretCodec } from './registry-store';

const dir = mkdtempSync(join(tmpdir(), 'wharf-regstore-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const codec = (kind = 'test-keychain'): SecretCodec => ({
  kind,
  seal: (p) => Buffer.from(`k:${p}`).toString('base64'),
  open: (s) => {
    const t = Buffer.from(s, 'base64').toString();
    if (!t.startsWith('k:')) throw new Error('not ours');
    return t.slice(2);
  },
});

describe('RegistryStore', () => {
  it('without a codec (web mode) keeps the secret in a 0600 file', async () => {
    const file = join(dir, 'plain', 'registries.json');
    await new RegistryStore(file).put({ host: 'reg.example:5000', username: 'me', secret: 'hunter2' });
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, 'utf8')).toContain('hunter2');
    expect((await new RegistryStore(file).get('reg.example:5000'))?.secret).toBe('hunter2');
  });

  it('with a codec (the desktop keychain) the file holds only the sealed secret, and it reads back', async () => {
    const file = join(dir, 'sealed', 'registries.json');
    await new RegistryStore(file, codec()).put({ host: 'reg.example:5000', username: 'me', secret: 'hunter2' });
    const text = readFileSync(file, 'utf8');
    expect(text).not.toContain('hunter2');
    expect(text).toContain('"kind": "test-keychain"');
    expect((await new RegistryStore(file, codec()).get('reg.example:5000'))?.secret).toBe('hunter2');
    // Without the keychain, or another keychain, the secret is not readable: the user enters it again.
    expect((await new RegistryStore(file).get('reg.example:5000'))?.secret).toBeUndefined();
    expect((await new RegistryStore(file, codec('other')).get('reg.example:5000'))?.username).toBe('me');
    expect((await new RegistryStore(file, codec('other')).get('reg.example:5000'))?.secret).toBeUndefined();
  });

  it('a sealed secret that does not open (another machine) is dropped, the entry kept', async () => {
    const file = join(dir, 'foreign.json');
    writeFileSync(
      file,
      JSON.stringify({
        registries: [{ host: 'reg.example', username: 'me', sealed: { kind: 'test-keychain', data: 'Z2FyYmFnZQ==' } }],
      }),
    );
    const r = await new RegistryStore(file, codec()).get('reg.example');
    expect(r).toEqual({ host: 'reg.example', username: 'me' });
  });
  it('refuses a registry past the limit with a coded error of its own, and keeps the list', async () => {
    const file = join(dir, 'limit.json');
    const store = new RegistryStore(file);
    for (let i = 0; i < MAX_REGISTRIES; i++) await store.put({ host: `reg${i}.example` });
    await expect(store.put({ host: 'one-more.example' })).rejects.toMatchObject({ code: 'REGISTRY_LIMIT' });
    expect(await new RegistryStore(file).list()).toHaveLength(MAX_REGISTRIES);
  });
});
