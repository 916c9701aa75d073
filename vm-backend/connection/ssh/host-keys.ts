// Host keys pinned on first use, in Wharf's own known_hosts file (OpenSSH's format, so a person
// can read it or compare it with `ssh-keygen -lf`). A changed key is refused, never replaced.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { writeTextFileSync } from '../settings-file';
import { dirname } from 'node:path';

export type HostKeyCheck =
  | { result: 'known'; fingerprint: string }
  | { result: 'new'; fingerprint: string }
  | { result: 'changed'; fingerprint: string; expected: string };

/** `SHA256:...` exactly as `ssh-keygen -l` prints it. */
export function fingerprint(keyBlob: Buffer): string {
  return `SHA256:${createHash('sha256').update(keyBlob).digest('base64').replace(/=+$/, '')}`;
}

/** The key type named inside an SSH public key blob (`ssh-ed25519`, `ecdsa-sha2-nistp256`, ...). */
export function keyType(keyBlob: Buffer): string {
  if (keyBlob.length < 4) return 'unknown';
  const len = keyBlob.readUInt32BE(0);
  return len > 0 && len < 64 && keyBlob.length >= 4 + len ? keyBlob.subarray(4, 4 + len).toString('latin1') : 'unknown';
}

interface Entry {
  name: string;
  type: string;
  blob: Buffer;
}

export class HostKeyStore {
  constructor(readonly file: string) {}

  private read(): Entry[] {
    let text = '';
    try {
      text = readFileSync(this.file, 'utf8');
    } catch {
      return [];
    }
    const out: Entry[] = [];
    for (const line of text.split('\n')) {
      const [names, type, b64] = line.trim().split(/\s+/);
      if (!names || names.startsWith('#') || !type || !b64) continue;
      for (const name of names.split(',')) out.push({ name, type, blob: Buffer.from(b64, 'base64') });
    }
    return out;
  }

  /** Compares the key a host offers with the pinned one; pins it when the host is new. */
  check(name: string, keyBlob: Buffer): HostKeyCheck {
    const type = keyType(keyBlob);
    const pinned = this.read().filter((e) => e.name === name);
    const fp = fingerprint(keyBlob);
    if (pinned.some((e) => e.blob.equals(keyBlob))) return { result: 'known', fingerprint: fp };
    // Another key of the same type (or any key, when the type is new) means the host changed.
    const rival = pinned.find((e) => e.type === type) ?? pinned[0];
    if (rival) return { result: 'changed', fingerprint: fp, expected: fingerprint(rival.blob) };
    mkdirSync(dirname(this.file), { recursive: true, mode: 0o700 });
    const prev = (() => {
      try {
        return readFileSync(this.file, 'utf8');
      } catch {
        return '';
      }
    })();
    const sep = prev && !prev.endsWith('\n') ? '\n' : '';
    writeTextFileSync(this.file, `${prev}${sep}${name} ${type} ${keyBlob.toString('base64')}\n`, { mode: 0o600 });
    return { result: 'new', fingerprint: fp };
  }

  /** The pinned fingerprint for a host, if any. */
  pinned(name: string): string | undefined {
    const e = this.read().find((x) => x.name === name);
    return e ? fingerprint(e.blob) : undefined;
  }

  /** Forgets a host's key (the user's explicit choice after checking the new one). */
  forget(name: string): void {
    const keep = this.read().filter((e) => e.name !== name);
    writeTextFileSync(this.file, keep.map((e) => `${e.name} ${e.type} ${e.blob.toString('base64')}\n`).join(''), {
      mode: 0o600,
    });
  }
}
