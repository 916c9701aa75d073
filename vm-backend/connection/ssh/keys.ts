// The client key: the user's own (--identity), or a per-target ed25519 key Wharf generates (0600).
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { utils } from 'ssh2';

export interface ClientKey {
  privateKey: Buffer;
  /** `ssh-ed25519 AAAA... comment`: what goes into the host's authorized_keys. */
  publicKey: string;
  path: string;
}

/** Reads a private key file; refuses one that others can read, as OpenSSH does. */
export function readIdentity(path: string): ClientKey {
  const mode = statSync(path).mode & 0o077;
  if (mode && process.platform !== 'win32') {
    throw new Error(
      `the key ${path} can be read by other users (mode ${(statSync(path).mode & 0o777).toString(8)}): chmod 600 it`,
    );
  }
  const privateKey = readFileSync(path);
  const parsed = utils.parseKey(privateKey);
  if (parsed instanceof Error) throw new Error(`${path} is not a private key ssh2 can read: ${parsed.message}`);
  const key = Array.isArray(parsed) ? parsed[0] : parsed;
  if (!key) throw new Error(`${path} holds no key`);
  const pubFile = `${path}.pub`;
  const publicKey = existsSync(pubFile)
    ? readFileSync(pubFile, 'utf8').trim()
    : `${key.type} ${key.getPublicSSH().toString('base64')}`;
  return { privateKey, publicKey, path };
}

/** The key at `path`, generated (ed25519, 0600, with a .pub beside it) when it does not exist. */
export function ensureKey(path: string, comment = 'wharf'): ClientKey {
  if (!existsSync(path)) {
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
    const pair = utils.generateKeyPairSync('ed25519', { comment });
    writeFileSync(path, pair.private, { mode: 0o600 });
    chmodSync(path, 0o600);
    writeFileSync(`${path}.pub`, `${pair.public.trim()}\n`, { mode: 0o644 });
  }
  return readIdentity(path);
}
