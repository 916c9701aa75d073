// How Wharf talks to the guest before (and besides) the engine connection: the seed it boots with,
// the host key it prints on the serial console, and commands over SSH with that key pinned.
// Wharf itself reaches the guest through the shared ssh2 connection (guest-ssh.ts); guestExec and
// sshArgs give the OpenSSH client the same pinned key (StrictHostKeyChecking=yes) for tests and
// for a person debugging (`ssh $(...sshArgs)`).
import { execFile } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { utils } from 'ssh2';
import type { VmFiles } from '../vm-files';

const HOST_KEY_ALIAS = 'wharf-vm';

/** Wharf's key for this VM, generated on first use. Returns the public line. */
export function ensureVmKey(files: VmFiles): string {
  if (!existsSync(files.key)) {
    mkdirSync(dirname(files.key), { recursive: true, mode: 0o700 });
    const pair = utils.generateKeyPairSync('ed25519', { comment: 'wharf-vm' });
    writeFileSync(files.key, pair.private, { mode: 0o600 });
    chmodSync(files.key, 0o600);
    writeFileSync(`${files.key}.pub`, `${pair.public.trim()}\n`);
  }
  return readFileSync(`${files.key}.pub`, 'utf8').trim();
}

/** The seed's lines; each shared folder is `WHARF_SHARE=wharf<i> <path>` (the guest mounts tag i there). */
export function seedText(seed: {
  nonce: string;
  hostname: string;
  pubkey: string;
  shares?: readonly string[];
}): string {
  const shares = (seed.shares ?? []).map((p, i) => `WHARF_SHARE=wharf${i} ${p}\n`).join('');
  return `WHARF_NONCE=${seed.nonce}\nWHARF_HOSTNAME=${seed.hostname}\nWHARF_PUBKEY=${seed.pubkey}\n${shares}`;
}

export function writeSeed(
  files: VmFiles,
  seed: { nonce: string; hostname: string; pubkey: string; shares?: readonly string[] },
): void {
  writeFileSync(files.seed, seedText(seed), { mode: 0o600 });
}

function wholeKey(line: string): boolean {
  const k = utils.parseKey(line);
  return !(k instanceof Error) && !Array.isArray(k) && k.type === line.split(' ')[0];
}

/** The host key the guest printed for this boot (`ssh-ed25519 AAAA...`), or null. */
export function hostKeyFromSerial(log: string, nonce: string): string | null {
  // QEMU writes the serial port to the file a byte at a time: the last line may still be arriving.
  const lines = log.split(/\r?\n/);
  lines.pop();
  for (const line of lines) {
    const m = /^WHARF-HOSTKEY ([A-Za-z0-9]+) (ssh-[a-z0-9-]+ [A-Za-z0-9+/=]+)\s*$/.exec(line.trim());
    // A cut base64 still matches the pattern: only a key that parses whole is taken (a cut one
    // would be pinned on the first boot, then refused as "changed" on the next).
    if (m && m[1] === nonce && m[2] && wholeKey(m[2])) return m[2];
  }
  return null;
}

/** A failure the guest's seed unit reported, if any. */
export function guestErrorFromSerial(log: string): string | null {
  const m = /WHARF-ERROR (.*)/.exec(log);
  return m ? (m[1] ?? '').trim() : null;
}

export type PinResult = { result: 'pinned' | 'same' } | { result: 'changed'; pinned: string };

/** Pins the guest's host key on first boot; a different key later is refused, never replaced. */
export function pinHostKey(files: VmFiles, key: string, sshPort: number): PinResult {
  const prev = existsSync(files.knownHosts) ? readFileSync(files.knownHosts, 'utf8') : '';
  const pinned = /^wharf-vm (\S+ \S+)/m.exec(prev)?.[1];
  if (pinned && pinned !== key) return { result: 'changed', pinned };
  mkdirSync(dirname(files.knownHosts), { recursive: true, mode: 0o700 });
  // Two names for the same key: the alias (for the ssh CLI) and the forward's address (for ssh2).
  writeFileSync(files.knownHosts, `${HOST_KEY_ALIAS} ${key}\n[127.0.0.1]:${sshPort} ${key}\n`, { mode: 0o600 });
  return { result: pinned ? 'same' : 'pinned' };
}

export interface ExecResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function sshArgs(files: VmFiles, port: number, timeoutS = 5): string[] {
  return [
    '-F',
    '/dev/null',
    '-i',
    files.key,
    '-o',
    'IdentitiesOnly=yes',
    '-o',
    'BatchMode=yes',
    '-o',
    `UserKnownHostsFile=${files.knownHosts}`,
    '-o',
    'StrictHostKeyChecking=yes',
    '-o',
    `HostKeyAlias=${HOST_KEY_ALIAS}`,
    '-o',
    `ConnectTimeout=${timeoutS}`,
    '-o',
    'LogLevel=ERROR',
    '-p',
    String(port),
    'root@127.0.0.1',
  ];
}

/** Runs one command in the guest; never rejects (the exit code says what happened). */
export function guestExec(
  files: VmFiles,
  port: number,
  command: string,
  timeoutMs = 15_000,
  input?: Buffer,
): Promise<ExecResult> {
  return new Promise((resolve) => {
    const child = execFile(
      'ssh',
      [...sshArgs(files, port), command],
      { timeout: timeoutMs, maxBuffer: 8 << 20, encoding: 'utf8' },
      (err, stdout, stderr) => {
        const code = err
          ? typeof (err as { code?: unknown }).code === 'number'
            ? (err as { code: number }).code
            : null
          : 0;
        resolve({ code, stdout, stderr });
      },
    );
    if (input) child.stdin?.end(input);
    else child.stdin?.end();
  });
}
