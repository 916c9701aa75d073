// QEMU missing or refusing to start, in a person's words: the VM panel shows these by code.
import type { VmProblem } from '../lifecycle/vm-state';
import { hostArch } from '../guest-arch';

/** A QEMU start error in a person's words (`Could not set up host forwarding rule` = port taken). */
export function explainQemuStart(stderr: string, sshPort: number): VmProblem {
  const detail = stderr.trim().slice(-2000);
  if (/host forwarding rule|Address already in use/i.test(stderr)) {
    return {
      code: 'VM_SSH_PORT_TAKEN',
      message: `Port ${sshPort} on 127.0.0.1 is already used, so the VM's SSH forward cannot open.`,
      hint: 'Start the VM again: Wharf picks another free port.',
      detail,
    };
  }
  if (
    /Could not access KVM|failed to initialize kvm|Permission denied.*kvm|kvm_|failed to set MSR|HV_ERROR|WHPX/i.test(
      stderr,
    )
  ) {
    return {
      code: 'VM_ACCEL_UNAVAILABLE',
      message: 'The hardware accelerator could not be used.',
      hint: 'Wharf will use software emulation next time (slower).',
      detail,
    };
  }
  if (/cannot set up guest memory|Cannot allocate memory/i.test(stderr)) {
    return {
      code: 'VM_NO_MEMORY',
      message: 'There is not enough free memory for the VM.',
      hint: 'Lower the VM memory in settings, or close other programs.',
      detail,
    };
  }
  return {
    code: 'VM_START_FAILED',
    message: 'QEMU refused to start the VM.',
    hint: 'See the details; "wharf vm logs" shows the VM logs.',
    detail,
  };
}

/** What to do when QEMU is missing, for each kind of computer, in steps a beginner can follow. */
export function installQemuHint(platform: NodeJS.Platform, arch = hostArch()): string {
  const reinstall = 'Wharf ships its own QEMU: reinstalling Wharf puts it back.';
  if (platform === 'darwin')
    return `${reinstall} Or install QEMU with Homebrew: open the Terminal app, run "brew install qemu", then start the VM again.`;
  if (platform === 'win32')
    return `${reinstall} Or download the QEMU installer for Windows from qemu.org, install it in its default folder (C:\\Program Files\\qemu), then start the VM again.`;
  const pkg = arch === 'aarch64' ? 'qemu-system-arm' : 'qemu-system-x86';
  return `Install QEMU: open a terminal, run "sudo apt-get install ${pkg} qemu-utils" (Debian, Ubuntu) or "sudo dnf install qemu-kvm qemu-img" (Fedora), then start the VM again.`;
}

/** `bin`: the QEMU binary Wharf looked for; `detail`: why running it failed. */
export function noQemu(bin: string, detail: string, platform: NodeJS.Platform = process.platform): VmProblem {
  return {
    code: 'VM_NO_QEMU',
    message: `QEMU (${bin}) is not installed, so Wharf cannot run its VM.`,
    hint: installQemuHint(platform),
    detail,
  };
}
