import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { guestErrorFromSerial, hostKeyFromSerial, pinHostKey, sshArgs } from './guest-link';
import { vmFiles } from '../vm-files';

const KEY = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIKsmOYHr24Eo3urUyNABvpd4RYDseVXMVMSsoaP82fX6';

describe('guest link', () => {
  it('takes the host key only from the line with this boot nonce', () => {
    const log = `SELinux: ...\nWHARF-HOSTKEY oldboot ssh-ed25519 AAAAold\r\nWHARF-HOSTKEY abc123 ${KEY}\n`;
    expect(hostKeyFromSerial(log, 'abc123')).toBe(KEY);
    expect(hostKeyFromSerial(log, 'other')).toBeNull();
    expect(hostKeyFromSerial('WHARF-HOSTKEY abc123 ssh-ed25519 AAAA; rm -rf /', 'abc123')).toBeNull();
    // A line cut short by another console writer is not a key: the whole one comes on a later line.
    const cut = `WHARF-HOSTKEY abc123 ${KEY.slice(0, 40)}\n[  3.2] virtio_net\nWHARF-HOSTKEY abc123 ${KEY}\n`;
    expect(hostKeyFromSerial(cut, 'abc123')).toBe(KEY);
    expect(hostKeyFromSerial(`WHARF-HOSTKEY abc123 ${KEY.slice(0, 40)}\n`, 'abc123')).toBeNull();
    // Read while QEMU is still writing the line: not yet, even when what arrived parses.
    expect(hostKeyFromSerial(`WHARF-HOSTKEY abc123 ${KEY}`, 'abc123')).toBeNull();
    expect(guestErrorFromSerial('x\nWHARF-ERROR no seed at /sys/...\n')).toBe('no seed at /sys/...');
  });
  it('pins on first boot, accepts the same key, refuses a changed one', () => {
    const f = vmFiles(mkdtempSync(join(tmpdir(), 'wharf-vm-')), 'x');
    mkdirSync(f.dir);
    expect(pinHostKey(f, KEY, 2222).result).toBe('pinned');
    expect(readFileSync(f.knownHosts, 'utf8')).toContain(`[127.0.0.1]:2222 ${KEY}`);
    expect(pinHostKey(f, KEY, 3333).result).toBe('same');
    expect(pinHostKey(f, 'ssh-ed25519 AAAAother', 3333)).toEqual({ result: 'changed', pinned: KEY });
  });
  it('ssh never skips host key checking', () => {
    const a = sshArgs(vmFiles('/v', 'x'), 2222).join(' ');
    expect(a).toContain('StrictHostKeyChecking=yes');
    expect(a).not.toMatch(/StrictHostKeyChecking=no|UserKnownHostsFile=\/dev\/null/);
  });
});
