// The start sequence: disks, seed, QEMU, then readiness in three steps. Ready means: SSH answers
// with the pinned host key, the nonce matches this boot, and the engine answers /_ping.
import type { AccelChoice } from '../qemu/accel';
import { ensureVmKey, guestErrorFromSerial, hostKeyFromSerial, pinHostKey, writeSeed } from '../guest/guest-link';
import { enginePing, guestConnection, guestRun } from '../guest/guest-ssh';
import { ImageError, type ImageFiles } from '../image/image';
import { readText } from '../qemu/qemu-driver';
import { newNonce, readSettings, stickyPort, type VmRuntime, writeRuntime } from './vm-runtime';
import { readBootHistory, typicalBootMs } from './boot-history';
import { rmSync } from 'node:fs';
import { bootShares } from '../vm-shares';
import type { VmFiles } from '../vm-files';
import type { VmManagerOptions } from './vm-options';
import {
  dataDiskFailed,
  exitedWhileStarting,
  guestSetupFailed,
  hostKeyChanged,
  hostKeyMismatch,
  imageUnusable,
  imageWrongArch,
  qemuDidNotStart,
  settingsUnreadable,
  startTimedOut,
} from './vm-problems';
import type { VmProblem, VmStateMachine } from './vm-state';

export class StartFailure extends Error {
  constructor(readonly problem: VmProblem) {
    super(problem.message);
  }
}

/** What the start sequence works on: the manager's files, options and state machine. */
export interface BootSubject {
  readonly files: VmFiles;
  readonly opts: VmManagerOptions;
  readonly machine: VmStateMachine;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

export async function bootVm(m: BootSubject, hostName: string): Promise<VmRuntime> {
  const { files, opts, machine } = m;
  machine.to('starting', 'Checking QEMU', { phase: 'booting' });
  const missing = await opts.driver.unavailable();
  if (missing) throw new StartFailure(missing);
  let image: ImageFiles;
  try {
    image = await opts.image();
  } catch (e) {
    // Not an ImageError (a system error with its own code such as EACCES): the image is unusable all the same.
    const code = e instanceof ImageError ? e.code : 'IMAGE_MISSING';
    if (code === 'IMAGE_WRONG_ARCH') throw new StartFailure(imageWrongArch((e as Error).message));
    throw new StartFailure(imageUnusable(code, (e as Error).message));
  }
  const settings = readSettings(files);
  if (!settings) throw new StartFailure(settingsUnreadable());
  machine.to('starting', 'Preparing disks');
  const { rootReplaced } = await opts.driver.prepare(files, image, settings);
  // A new root layer makes a new host key on its first boot: that one is pinned, not refused.
  if (rootReplaced) rmSync(files.knownHosts, { force: true });
  const pubkey = ensureVmKey(files);
  // A shared folder removed since it was chosen is left out (the VM still starts) and said below.
  const { shares } = bootShares(settings);
  let choice = await opts.accel();
  for (;;) {
    const nonce = newNonce();
    writeSeed(files, {
      nonce,
      hostname: `wharf-${hostName.replace(/[^A-Za-z0-9-]/g, '').slice(0, 20) || 'vm'}`.replace(/-$/, ''),
      pubkey,
      shares,
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
          shares,
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
        throw new StartFailure(problem ?? qemuDidNotStart((e as Error).message));
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
    if (pin.result === 'changed') throw new StartFailure(hostKeyChanged(pin.pinned, key));
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

async function waitForHostKey(m: BootSubject, rt: VmRuntime, choice: AccelChoice): Promise<string | 'hung'> {
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
function guestFailure(err: string): StartFailure {
  return new StartFailure(err.startsWith('data disk') ? dataDiskFailed(err) : guestSetupFailed(err));
}

async function waitFor(m: BootSubject, _rt: VmRuntime, what: string, ok: () => Promise<boolean>): Promise<void> {
  const until = Date.now() + (m.opts.bootTimeoutMs ?? 300_000);
  for (;;) {
    try {
      if (await ok()) return;
    } catch (e) {
      throw new StartFailure(hostKeyMismatch((e as Error).message));
    }
    if (m.opts.driver.alivePid(m.files) === null) throw exited(m.files.qemuLog);
    // The data disk unit runs beside the seed unit: its failure shows while we wait for Docker.
    const err = guestErrorFromSerial(readText(m.files.serialLog));
    if (err) throw guestFailure(err);
    if (Date.now() > until) throw timeout(what, m.opts.bootTimeoutMs ?? 300_000);
    await sleep(200);
  }
}

const exited = (log: string): StartFailure => new StartFailure(exitedWhileStarting(readText(log).slice(-1000)));
const timeout = (what: string, ms: number, detail?: string): StartFailure =>
  new StartFailure(startTimedOut(what, ms, detail));
