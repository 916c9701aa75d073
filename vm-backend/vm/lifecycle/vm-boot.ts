// The start sequence: disks, seed, QEMU, then readiness in three steps. Ready means: SSH answers
// with the pinned host key, the nonce matches this boot, and the engine answers /_ping.
import type { AccelChoice } from '../qemu/accel';
import { ensureVmKey, guestErrorFromSerial, hostKeyFromSerial, pinHostKey, writeSeed } from '../guest/guest-link';
import { enginePing, guestConnection, guestRun } from '../guest/guest-ssh';
import type { ImageFiles } from '../image/image';
import { readText } from '../qemu/qemu-driver';
import { newNonce, readSettings, stickyPort, type VmRuntime, writeRuntime } from './vm-runtime';
import { readBootHistory, typicalBootMs } from './boot-history';
import { rmSync } from 'node:fs';
import type { VmManager } from './vm-manager';
import type { VmProblem } from './vm-state';

export class StartFailure extends Error {
  constructor(readonly problem: VmProblem) {
    super(problem.message);
  }
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

export async function bootVm(m: VmManager, hostName: string): Promise<VmRuntime> {
  const { files, opts, machine } = m;
  machine.to('starting', 'Checking QEMU', { phase: 'booting' });
  const missing = await opts.driver.unavailable();
  if (missing) throw new StartFailure(missing);
  let image: ImageFiles;
  try {
    image = await opts.image();
  } catch (e) {
    const code = (e as { code?: string }).code ?? 'IMAGE_MISSING';
    if (code === 'IMAGE_WRONG_ARCH')
      throw new StartFailure({
        code,
        message: 'The VM image was built for another kind of processor than this computer has.',
        hint: 'Use the image for this computer (build it here with sudo scripts/vm/build-image.sh, or download the matching one).',
        detail: (e as Error).message,
      });
    throw new StartFailure({
      code,
      message: 'The VM image is missing or damaged.',
      hint: 'Build it (sudo scripts/vm/build-image.sh) or let Wharf download it again.',
      detail: (e as Error).message,
    });
  }
  const settings = readSettings(files);
  if (!settings)
    throw new StartFailure({
      code: 'VM_SETTINGS',
      message: 'The VM settings file is missing or damaged.',
      hint: 'Reset the VM settings.',
    });
  machine.to('starting', 'Preparing disks');
  const { rootReplaced } = await opts.driver.prepare(files, image, settings);
  // A new root layer makes a new host key on its first boot: that one is pinned, not refused.
  if (rootReplaced) rmSync(files.knownHosts, { force: true });
  const pubkey = ensureVmKey(files);
  let choice = await opts.accel();
  for (;;) {
    const nonce = newNonce();
    writeSeed(files, {
      nonce,
      hostname: `wharf-${hostName.replace(/[^A-Za-z0-9-]/g, '').slice(0, 20) || 'vm'}`.replace(/-$/, ''),
      pubkey,
    });
    let sshPort = await stickyPort(files);
    const startedAt = Date.now();
    let pid: number | undefined;
    for (let attempt = 0; pid === undefined; attempt++) {
      try {
        pid = await opts.driver.start({
          files,
          image,
          settings,
          accel: choice.accel,
          sshPort,
          restrictNetwork: opts.restrictNetwork ?? !settings.network,
        });
      } catch (e) {
        const problem = (e as { problem?: VmProblem }).problem;
        // Another program took the port between our check and QEMU's bind: pick another, once.
        if (problem?.code === 'VM_SSH_PORT_TAKEN' && attempt === 0) {
          rmSync(files.sshPort, { force: true });
          sshPort = await stickyPort(files);
          continue;
        }
        // A hardware accelerator QEMU cannot use here: remember it and use software emulation.
        if (
          choice.accel !== 'tcg' &&
          (problem?.code === 'VM_ACCEL_UNAVAILABLE' || problem?.code === 'VM_START_FAILED')
        ) {
          opts.markHung?.(choice.accel);
          choice = {
            accel: 'tcg',
            reason: `${choice.accel} failed to start the VM on this machine: using software emulation (slow)`,
          };
          continue;
        }
        throw new StartFailure(
          problem ?? {
            code: 'VM_START_FAILED',
            message: 'QEMU did not start.',
            hint: 'See the details.',
            detail: (e as Error).message,
          },
        );
      }
    }
    const rt: VmRuntime = {
      nonce,
      sshPort,
      accel: choice.accel,
      imageVersion: image.manifest.version,
      phase: 'starting',
      startedAt,
      ownerPid: process.pid,
    };
    writeRuntime(files, rt);
    const notice = choice.accel === 'tcg' ? choice.reason : undefined;
    // The estimate from earlier starts with this same accelerator (a fallback to tcg changes it).
    const typical = typicalBootMs(readBootHistory(files.bootHistory), choice.accel);
    machine.to('starting', `Booting Linux (${choice.accel === 'tcg' ? 'software emulation' : choice.accel})`, {
      phase: 'booting',
      accel: choice.accel,
      sshPort,
      typicalBootMs: typical,
      ...(notice ? { notice } : {}),
    });
    const key = await waitForHostKey(m, rt, choice);
    if (key === 'hung') {
      await opts.driver.kill(files);
      opts.markHung?.(choice.accel);
      choice = {
        accel: 'tcg',
        reason: `${choice.accel} did not boot the VM within ${Math.round((opts.hangTimeoutMs ?? 45_000) / 1000)} s on this machine: using software emulation (slow)`,
      };
      continue;
    }
    const pin = pinHostKey(files, key, sshPort);
    if (pin.result === 'changed') {
      throw new StartFailure({
        code: 'VM_HOST_KEY_CHANGED',
        message: 'The VM offered a different SSH host key than the one Wharf pinned.',
        hint: 'If you reset the VM, delete its known_hosts file; otherwise stop and investigate.',
        detail: `pinned ${pin.pinned.slice(0, 40)}..., offered ${key.slice(0, 40)}...`,
      });
    }
    const conn = guestConnection(files, sshPort);
    try {
      await waitFor(m, rt, 'ssh-ready', async () => (await guestRun(conn, 'cat /run/wharf-boot-id'))?.trim() === nonce);
      machine.to('starting', 'Waiting for Docker', { phase: 'ssh-ready' });
      await waitFor(m, rt, 'engine-ready', () => enginePing(conn));
      machine.to('starting', 'Docker answers', { phase: 'engine-ready' });
    } finally {
      await conn.close();
    }
    const ready: VmRuntime = { ...rt, phase: 'running', bootedAt: Date.now() };
    writeRuntime(files, ready);
    return ready;
  }
}

async function waitForHostKey(m: VmManager, rt: VmRuntime, choice: AccelChoice): Promise<string | 'hung'> {
  const { files, opts } = m;
  const hangMs = choice.accel === 'tcg' ? Infinity : (opts.hangTimeoutMs ?? 45_000);
  const until = rt.startedAt + (opts.bootTimeoutMs ?? 300_000);
  for (;;) {
    const log = readText(files.serialLog);
    const key = hostKeyFromSerial(log, rt.nonce);
    if (key) return key;
    const err = guestErrorFromSerial(log);
    if (err) throw guestFailure(err);
    if (opts.driver.alivePid(files) === null) throw exited(files.qemuLog);
    if (Date.now() - rt.startedAt > hangMs) return 'hung';
    if (Date.now() > until) throw timeout('boot', opts.bootTimeoutMs ?? 300_000);
    await sleep(100);
  }
}

/** A failure the guest printed on its console (WHARF-ERROR ...): its seed, or its data disk. */
export function guestFailure(err: string): StartFailure {
  if (err.startsWith('data disk')) {
    return new StartFailure({
      code: 'VM_DATA_DISK',
      message:
        "The VM could not use its data disk (Docker's images, containers and volumes), so Docker was not started.",
      hint: 'Nothing on the disk was changed. Stop the VM and check the details; "Delete data" starts over with an empty disk.',
      detail: err,
    });
  }
  return new StartFailure({
    code: 'VM_GUEST_SETUP',
    message: 'The VM could not read its setup (seed).',
    hint: 'Reset the VM; if it persists, rebuild the image.',
    detail: err,
  });
}

async function waitFor(m: VmManager, _rt: VmRuntime, what: string, ok: () => Promise<boolean>): Promise<void> {
  const until = Date.now() + (m.opts.bootTimeoutMs ?? 300_000);
  for (;;) {
    try {
      if (await ok()) return;
    } catch (e) {
      throw new StartFailure({
        code: 'VM_HOST_KEY_CHANGED',
        message: 'The VM SSH host key does not match the pinned one.',
        hint: 'Stop and investigate; reset the VM to start over.',
        detail: (e as Error).message,
      });
    }
    if (m.opts.driver.alivePid(m.files) === null) throw exited(m.files.qemuLog);
    // The data disk unit runs beside the seed unit: its failure shows while we wait for Docker.
    const err = guestErrorFromSerial(readText(m.files.serialLog));
    if (err) throw guestFailure(err);
    if (Date.now() > until) throw timeout(what, m.opts.bootTimeoutMs ?? 300_000);
    await sleep(200);
  }
}

const exited = (log: string): StartFailure =>
  new StartFailure({
    code: 'VM_EXITED',
    message: 'The VM stopped while starting.',
    hint: 'Start it again; "wharf vm logs" shows its console.',
    detail: readText(log).slice(-1000),
  });
const timeout = (what: string, ms: number, detail?: string): StartFailure =>
  new StartFailure({
    code: 'VM_START_TIMEOUT',
    message: `The VM did not reach ${what} within ${Math.round(ms / 1000)} s.`,
    hint: 'The computer may be busy; try again, or give the VM more memory.',
    ...(detail ? { detail } : {}),
  });
