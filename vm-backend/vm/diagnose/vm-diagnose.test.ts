// The bundle is read back by the system's tar (the real reader a person would use).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ensureVmKey, writeSeed } from '../guest/guest-link';
import { fakeVm } from '../testing/fake-vm';
import { tarGz } from './tar-gz';
import { diagnoseBundle, issueDiagnoseTicket, redact, takeDiagnoseTicket } from './vm-diagnose';
import { writeRuntime } from '../lifecycle/vm-runtime';

const tarList = (data: Buffer): string[] => {
  const dir = mkdtempSync(join(tmpdir(), 'wharf-diag-'));
  writeFileSync(join(dir, 'b.tar.gz'), data);
  return execFileSync('tar', ['-tzf', join(dir, 'b.tar.gz')], { encoding: 'utf8' })
    .trim()
    .split('\n');
};

describe('tarGz', () => {
  it('writes an archive tar reads back byte for byte (sizes around the 512-byte blocks)', () => {
    const big = 'x'.repeat(1025);
    const dir = mkdtempSync(join(tmpdir(), 'wharf-tar-'));
    writeFileSync(
      join(dir, 'a.tar.gz'),
      tarGz([
        { name: 'd/a.txt', data: 'hello\n' },
        { name: 'd/empty', data: '' },
        { name: 'd/big', data: big },
      ]),
    );
    execFileSync('tar', ['-xzf', 'a.tar.gz'], { cwd: dir });
    expect(readFileSync(join(dir, 'd/a.txt'), 'utf8')).toBe('hello\n');
    expect(readFileSync(join(dir, 'd/empty'), 'utf8')).toBe('');
    expect(readFileSync(join(dir, 'd/big'), 'utf8')).toBe(big);
  });
  it('refuses names that climb out or are too long', () => {
    expect(() => tarGz([{ name: '../x', data: '' }])).toThrow();
    expect(() => tarGz([{ name: 'a'.repeat(101), data: '' }])).toThrow();
  });
});

describe('diagnose bundle', () => {
  it('lists the expected files and holds no key material or nonce', async () => {
    const f = fakeVm();
    await f.vm.create({ cpus: 1, memoryMiB: 1024, diskGiB: 8, network: false });
    const pub = ensureVmKey(f.vm.files);
    const priv = readFileSync(f.vm.files.key, 'utf8');
    const nonce = 'a1b2c3d4e5f60718293a4b5c';
    writeSeed(f.vm.files, { nonce, hostname: 'wharf-test', pubkey: pub });
    writeRuntime(f.vm.files, {
      nonce,
      sshPort: 1,
      accel: 'tcg',
      imageVersion: 'v',
      phase: 'stopping',
      startedAt: 1,
      ownerPid: 1,
    });
    writeFileSync(
      f.vm.files.serialLog,
      `booting\nWHARF-HOSTKEY ${nonce} ssh-ed25519 AAAAC3Nza\nlater ${nonce} again\n${priv}\n`,
    );
    writeFileSync(f.vm.files.qemuLog, 'qemu: warning: something\n');
    const b = await diagnoseBundle(f.vm, new Date('2026-01-02T03:04:05Z'));
    expect(b.name).toBe('wharf-vm-diagnose-default-2026-01-02T03-04-05.tar.gz');
    const listed = tarList(b.data).map((p) => p.split('/').slice(1).join('/'));
    expect(listed.sort()).toEqual(
      [
        'README.txt',
        'engine-journal.txt',
        'host.json',
        'image-manifest.json',
        'qemu.log',
        'runtime.json',
        'serial.log',
        'settings.json',
        'status.json',
        'vm-folder.txt',
      ].sort(),
    );
    const dir = mkdtempSync(join(tmpdir(), 'wharf-diagx-'));
    writeFileSync(join(dir, 'b.tar.gz'), b.data);
    execFileSync('tar', ['-xzf', 'b.tar.gz'], { cwd: dir });
    const root = join(dir, readdirSync(dir).find((d) => d.startsWith('wharf-vm-diagnose')) as string);
    const all = readdirSync(root)
      .map((n) => readFileSync(join(root, n), 'utf8'))
      .join('\n');
    expect(all).not.toContain(nonce);
    expect(all).not.toContain('PRIVATE KEY');
    expect(all).not.toContain(priv.split('\n')[1] as string);
    expect(readFileSync(join(root, 'serial.log'), 'utf8')).toContain('WHARF-HOSTKEY [nonce]');
    expect(readFileSync(join(root, 'qemu.log'), 'utf8')).toContain('qemu: warning');
    const host = JSON.parse(readFileSync(join(root, 'host.json'), 'utf8')) as Record<string, unknown>;
    expect(host).toMatchObject({
      arch: expect.any(String),
      cpus: expect.any(Number),
      totalMemBytes: expect.any(Number),
      accelerator: { accel: 'tcg' },
    });
    expect(JSON.parse(readFileSync(join(root, 'runtime.json'), 'utf8'))).not.toHaveProperty('nonce');
    expect(readFileSync(join(root, 'engine-journal.txt'), 'utf8')).toMatch(/not running/);
    expect(readFileSync(join(root, 'vm-folder.txt'), 'utf8')).toContain('id_ed25519'); // the name, never the content
    f.cleanup();
  });
  it('redacts private key blocks and the nonce wherever they appear', () => {
    expect(redact('x -----BEGIN OPENSSH PRIVATE KEY-----\nabc\n-----END OPENSSH PRIVATE KEY----- y', [])).toBe(
      'x [private key removed] y',
    );
    expect(redact('WHARF_NONCE=abcdef1234567890 and abcdef1234567890', ['abcdef1234567890'])).toBe(
      'WHARF_NONCE= [nonce] and [nonce]',
    );
  });
  it('a download ticket works once', () => {
    const t = issueDiagnoseTicket('x.tar.gz', Buffer.from('data'));
    expect(takeDiagnoseTicket(t).name).toBe('x.tar.gz');
    expect(() => takeDiagnoseTicket(t)).toThrow(/expired/);
  });
});
