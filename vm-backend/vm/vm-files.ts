// Every file of one VM, named in one place (as Lima's filenames package does), so anyone can find
// a VM's disks, pid, sockets and logs: `<appData>/vms/<name>/`.
import { join } from 'node:path';

export interface VmFiles {
  dir: string;
  /** Settings the user chose (CPUs, memory, disk size, networking). */
  settings: string;
  /** What the last run left: boot nonce, SSH port, accelerator, image version, phase. */
  runtime: string;
  /** Per-VM copy-on-write layer over the cached base root disk (qcow2). */
  rootDisk: string;
  /** Docker's data (/var/lib/docker): survives a base image swap and a reset of the root disk. */
  dataDisk: string;
  /** KEY=VALUE seed handed to the guest through fw_cfg (SSH key, host name, nonce). */
  seed: string;
  pid: string;
  qmp: string;
  serialLog: string;
  /** QEMU's own stderr. */
  qemuLog: string;
  /** Wharf's SSH key for this VM (ed25519, 0600) and its .pub. */
  key: string;
  /** The guest's host key, pinned from the serial console of its first boot (where the shared
   *  SSH connection looks with dataDir = the VM folder: `ssh/known_hosts`). */
  knownHosts: string;
  /** The SSH forward's host port, reused when free so a connection survives a VM restart. */
  sshPort: string;
  /** Held while a start or stop runs (contains the owner's pid). */
  lock: string;
  /** How long the last few starts took (the boot progress says what to expect). */
  bootHistory: string;
}

export function vmFiles(vmsRoot: string, name: string): VmFiles {
  const dir = join(vmsRoot, name);
  const f = (n: string): string => join(dir, n);
  return {
    dir,
    settings: f('settings.json'),
    runtime: f('runtime.json'),
    rootDisk: f('root.qcow2'),
    dataDisk: f('data.img'),
    seed: f('seed.env'),
    pid: f('qemu.pid'),
    qmp: f('qmp.sock'),
    serialLog: f('serial.log'),
    qemuLog: f('qemu.log'),
    key: f('id_ed25519'),
    knownHosts: join(dir, 'ssh', 'known_hosts'),
    sshPort: f('ssh-port'),
    lock: f('start.lock'),
    bootHistory: f('boot-times.json'),
  };
}

/** `<appData>/vms`. */
export const vmsRoot = (dataDir: string): string => join(dataDir, 'vms');

const NAME = /^[a-z0-9][a-z0-9-]{0,31}$/;
export function checkVmName(name: string): string {
  if (!NAME.test(name)) throw new Error(`a VM name is 1-32 lower-case letters, digits or '-', got "${name}"`);
  return name;
}
