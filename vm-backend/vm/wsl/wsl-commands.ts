// The WSL2 driver's command lines (Windows; pure, so tested anywhere). Docker Desktop, Podman
// Desktop and Rancher Desktop all run their Linux on Windows as a WSL2 distribution; Wharf's is
// one distribution per VM, imported from the image's root file system as a tarball:
//   wsl.exe --import <distro> <vm folder>\wsl <rootfs.tar> --version 2   (create: prepare)
//   wsl.exe -d <distro> -u root --exec /usr/sbin/sshd -D -p <port> ...      (start: what Wharf reaches)
//   wsl.exe -d <distro> -u root --exec /usr/bin/dockerd ...                 (start: the engine)
//   wsl.exe --terminate <distro>                                          (stop; the disk stays)
//   wsl.exe --unregister <distro>                                         (delete data: the ext4.vhdx goes)
// WSL2 forwards a port a distribution listens on to the host's 127.0.0.1, so Wharf reaches sshd (and
// Docker through it) exactly as it reaches QEMU's forward; no QMP: `wsl --list --verbose` says state.
import { createHash } from 'node:crypto';
import { win32 } from 'node:path';

export const WSL = 'wsl.exe';

/** One distribution per VM folder; WSL names are global to the Windows user, so the folder is hashed in. */
export function distroName(vmDir: string, vmName: string): string {
  const safe = vmName.replace(/[^A-Za-z0-9_-]/g, '-').slice(0, 32);
  return `wharf-${safe}-${createHash('sha256').update(vmDir).digest('hex').slice(0, 8)}`;
}

export function versionArgs(): string[] {
  return ['--version'];
}

export function listArgs(): string[] {
  return ['--list', '--verbose'];
}

/** `installDir` holds the distribution's ext4.vhdx: Docker's images, containers and volumes. */
export function importArgs(distro: string, installDir: string, rootfsTar: string): string[] {
  return ['--import', distro, installDir, rootfsTar, '--version', '2'];
}

export const installDir = (vmDir: string): string => win32.join(vmDir, 'wsl');

/** sshd on the port Wharf reaches (forwarded to the host's 127.0.0.1), with the key Wharf seeded. */
export function sshdArgs(distro: string, sshPort: number): string[] {
  return [
    '-d',
    distro,
    '-u',
    'root',
    '--exec',
    '/usr/sbin/sshd',
    '-D',
    '-e',
    '-p',
    String(sshPort),
    '-o',
    'ListenAddress=127.0.0.1',
    '-o',
    'PasswordAuthentication=no',
  ];
}

/** dockerd on its Unix socket only: Wharf reaches it over SSH, never an open TCP port. */
export function dockerdArgs(distro: string): string[] {
  return ['-d', distro, '-u', 'root', '--exec', '/usr/bin/dockerd', '--host', 'unix:///var/run/docker.sock'];
}

export function terminateArgs(distro: string): string[] {
  return ['--terminate', distro];
}

export function unregisterArgs(distro: string): string[] {
  return ['--unregister', distro];
}

export type WslState = 'Running' | 'Stopped' | 'Installing' | 'Converting' | 'Uninstalling';

/** `wsl --list --verbose` answers in UTF-16LE ("  NAME  STATE  VERSION", a "*" on the default). */
export function parseList(out: Buffer | string): Map<string, { state: string; version: number }> {
  const text = typeof out === 'string' ? out : out.toString(out.includes(0) ? 'utf16le' : 'utf8');
  const rows = new Map<string, { state: string; version: number }>();
  for (const line of text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .slice(1)) {
    const cols = line
      .replace(/^\s*\*?\s*/, '')
      .trim()
      .split(/\s+/);
    const [name, state, version] = cols;
    if (cols.length === 3 && name && state && version) rows.set(name, { state, version: Number(version) });
  }
  return rows;
}
