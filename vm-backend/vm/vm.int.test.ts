// The real thing: builds (cached) and boots the guest under QEMU TCG, reaches dockerd over SSH,
// runs a container with a published port fetched from the host, stops, finds image and volume
// data after a restart, then survives a killed QEMU (reported, reconciled, started again), and
// stops cleanly through the ACPI power button when the guest's SSH is gone.
// Skipped, with the reason printed, only when QEMU cannot run on this host at all.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { guestExec } from './guest/guest-link';
import { openImage } from './image/image';
import { pidAlive, readPid } from './qemu/pids';
import { busyboxTar, buildImage, forwardPort, qemuMissingReason } from './testing/vm-fixtures';
import { freePort } from './lifecycle/vm-runtime';
import { createVmManager } from './vm-setup';
import type { VmManager } from './lifecycle/vm-manager';
import { resetVm } from './vm-reset';
import { dial, dockerPs, type VmEngineProbe, vmEngineProbe } from './testing/vm-engine-probe';
import type { VmStatus } from './lifecycle/vm-state';

const skip = qemuMissingReason();
if (skip) console.warn(`SKIPPED vm.int.test.ts: ${skip}`);

describe.skipIf(skip !== null)('Wharf VM under QEMU (TCG)', { timeout: 300_000 }, () => {
  let imageDir = '';
  const dataDir = mkdtempSync(join(tmpdir(), 'wharf-vmint-'));
  const make = (): VmManager =>
    createVmManager(dataDir, {
      image: () => openImage(imageDir),
      accel: async () => ({ accel: 'tcg', reason: 'tests use tcg' }),
      restrictNetwork: true,
      bootTimeoutMs: 240_000,
      stopTimeoutMs: 60_000,
      watchTiming: { pingMs: 2000, retryMs: 1000 },
    });
  let vm: VmManager;
  let probe: VmEngineProbe | null = null;
  let hostPort = 0;
  const seen: VmStatus[] = [];
  const sh = (cmd: string, input?: Buffer) => guestExec(vm.files, vm.sshPort as number, cmd, 60_000, input);
  const waitState = async (want: string, ms: number): Promise<void> => {
    for (const end = Date.now() + ms; vm.status.state !== want && Date.now() < end; )
      await new Promise((r) => setTimeout(r, 200));
    expect(vm.status.state).toBe(want);
  };

  beforeAll(() => {
    imageDir = buildImage();
    vm = make();
    vm.machine.onChange((s) => seen.push(s));
  }, 20 * 60_000);
  afterAll(async () => {
    await probe?.close();
    await vm?.stop(true);
    vm?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('creates and starts the VM: booting -> ssh-ready -> engine-ready -> running', async () => {
    expect((await vm.reconcile()).state).toBe('absent');
    await vm.create({ cpus: 2, memoryMiB: 2048, diskGiB: 8, network: false });
    const t0 = Date.now();
    const s = await vm.start();
    console.log(`VM engine-ready after ${((Date.now() - t0) / 1000).toFixed(1)} s (first boot)`);
    expect(s.problem).toBeUndefined();
    expect(s.state).toBe('running');
    const phases = seen.filter((x) => x.state === 'starting').map((x) => x.phase);
    expect([...new Set(phases)]).toEqual(['booting', 'ssh-ready', 'engine-ready']);
    expect((await sh('cat /etc/wharf-image')).stdout.trim()).toBe((await openImage(imageDir)).manifest.version);
    expect((await sh('findmnt -no SOURCE /var/lib/docker')).stdout.trim()).toBe('/dev/vdb');
  });

  it('loads an image through the engine, runs a container with -p 127.0.0.1:P:80 and serves the host', async () => {
    const load = await sh('docker import - wharf-fixture:1', busyboxTar());
    expect(load.code, load.stderr).toBe(0);
    const run = await sh(
      `docker run -d --name web -p 127.0.0.1:8080:80 -v wharfvol:/data wharf-fixture:1 sh -c 'echo hello-from-vm > /www/index.html; echo kept > /data/x; exec httpd -f -p 80 -h /www'`,
    );
    expect(run.code, run.stderr).toBe(0);
    // Two containers that record their SIGTERM on a volume and exit with their own code (7): one
    // without a restart policy (stays exited with 7), one with `unless-stopped` (back after a start).
    for (const [name, restart] of [
      ['on-term', 'no'],
      ['on-term-restart', 'unless-stopped'],
    ]) {
      const r = await sh(
        `docker run -d --name ${name} --restart ${restart} -v wharfvol:/data wharf-fixture:1 sh -c ` +
          `'trap "echo got-term > /data/${name}; exit 7" TERM; echo up > /data/${name}-up; sleep 100000 & wait'`,
      );
      expect(r.code, r.stderr).toBe(0);
    }
    const hostPort = await freePort();
    const fwd = await forwardPort(vm.files, vm.sshPort as number, hostPort, 8080);
    try {
      let body = '';
      for (let i = 0; i < 20 && !body.includes('hello'); i++) {
        body = await fetch(`http://127.0.0.1:${hostPort}/`)
          .then((r) => r.text())
          .catch(() => '');
        if (!body.includes('hello')) await new Promise((r) => setTimeout(r, 500));
      }
      expect(body.trim()).toBe('hello-from-vm');
    } finally {
      fwd.kill();
    }
  });

  it('stops gracefully and finds the image and the volume data after a restart', async () => {
    const pid = readPid(vm.files.pid) as number;
    // Both SIGTERM recorders are up (their trap is set) before the stop.
    const up = await sh(
      'for i in $(seq 50); do [ -e /var/lib/docker/volumes/wharfvol/_data/on-term-up ] && [ -e /var/lib/docker/volumes/wharfvol/_data/on-term-restart-up ] && exit 0; sleep 0.2; done; exit 1',
    );
    expect(up.code).toBe(0);
    const t0 = Date.now();
    expect((await vm.stop()).state).toBe('stopped');
    console.log(`VM stopped in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    expect(pidAlive(pid, 'qemu')).toBe(false);
    const t1 = Date.now();
    expect((await vm.start()).state).toBe('running');
    console.log(`VM engine-ready after ${((Date.now() - t1) / 1000).toFixed(1)} s (second boot)`);
    expect((await sh('docker image inspect -f "{{.Id}}" wharf-fixture:1')).code).toBe(0);
    const vol = await sh('docker run --rm -v wharfvol:/data wharf-fixture:1 cat /data/x');
    expect(vol.stdout.trim()).toBe('kept');
    // Issue 15 item 2: the stop gave every container its SIGTERM (recorded on the volume) and the
    // time to exit; each ended with its own code (7), not 255; the restart policy brought one back.
    const terms = await sh(
      'cat /var/lib/docker/volumes/wharfvol/_data/on-term /var/lib/docker/volumes/wharfvol/_data/on-term-restart',
    );
    expect(terms.stdout.trim().split('\n'), terms.stderr).toEqual(['got-term', 'got-term']);
    const state = await sh("docker inspect -f '{{.State.Status}} {{.State.ExitCode}}' on-term on-term-restart");
    expect(state.stdout.trim().split('\n')).toEqual(['exited 7', 'running 0']);
  });

  it('Docker stops answering: degraded with a problem; Docker back: running again', async () => {
    expect((await sh('systemctl stop docker.socket docker.service')).code).toBe(0);
    await waitState('degraded', 30_000);
    expect(vm.status.problem?.code).toBe('VM_ENGINE_UNRESPONSIVE');
    expect((await sh('systemctl start docker.service')).code).toBe(0);
    await waitState('running', 30_000);
    expect(vm.status.problem).toBeUndefined();
  });

  it('reset: a fresh root disk and host key, the image and volume data kept on the data disk', async () => {
    expect((await sh('echo changed > /root/on-root-disk')).code).toBe(0);
    const keyBefore = readFileSync(vm.files.knownHosts, 'utf8');
    const t0 = Date.now();
    const s = await resetVm(vm);
    console.log(`VM reset and engine-ready after ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    expect(s.state).toBe('running');
    expect(readFileSync(vm.files.knownHosts, 'utf8')).not.toBe(keyBefore);
    expect((await sh('test -e /root/on-root-disk && echo still-there || echo gone')).stdout.trim()).toBe('gone');
    expect((await sh('docker image inspect -f "{{.Id}}" wharf-fixture:1')).code).toBe(0);
    expect((await sh('docker run --rm -v wharfvol:/data wharf-fixture:1 cat /data/x')).stdout.trim()).toBe('kept');
  });

  it('a host port held by another program: reported on the row, forwarded once free (issue 15.1)', async () => {
    probe = await vmEngineProbe(vm);
    hostPort = await freePort();
    const blocker = createServer().listen(hostPort, '127.0.0.1');
    await new Promise((r) => blocker.once('listening', r));
    const run = await sh(
      `docker run -d --name held -p 127.0.0.1:${hostPort}:80 wharf-fixture:1 sh -c 'echo hello-held > /www/index.html; exec httpd -f -p 80 -h /www'`,
    );
    expect(run.code, run.stderr).toBe(0);
    const id = run.stdout.trim();
    const p = probe;
    const issues = async (): Promise<unknown> => p.rows.get(id)?.portIssues?.[0]?.code;
    await expect.poll(issues, { timeout: 30_000 }).toBe('PORT_FORWARD_TAKEN');
    await new Promise<void>((r) => blocker.close(() => r()));
    await expect.poll(issues, { timeout: 30_000 }).toBeUndefined();
    const body = await fetch(`http://127.0.0.1:${hostPort}/`).then((r) => r.text());
    expect(body.trim()).toBe('hello-held');
  });

  it('reports a killed QEMU, reconciles to stopped on relaunch, and starts again', async () => {
    const pid = readPid(vm.files.pid) as number;
    process.kill(pid, 'SIGKILL');
    // The SSH link may drop a moment before the pid is gone: degraded first is fine, error is the end.
    for (let i = 0; i < 50 && ['running', 'degraded'].includes(vm.status.state); i++)
      await new Promise((r) => setTimeout(r, 200));
    expect(vm.status).toMatchObject({ state: 'error', problem: { code: 'VM_EXITED' } });
    // The `vm` engine refuses at once and says why (issue 15.3, 15.4).
    if (probe) {
      expect(probe.session.status.error?.code).toBe('VM_ENGINE_DIED');
      const d = await dial(hostPort);
      const ps = await dockerPs(probe.sock.path);
      console.log(`QEMU killed: port ${d.result} in ${d.ms} ms, docker ps exit ${ps.code} in ${ps.ms} ms`);
      expect([d.result, d.ms < 1000]).toEqual(['ECONNREFUSED', true]);
      expect([ps.code !== 0, ps.err.includes('stopped unexpectedly'), ps.ms < 5000]).toEqual([true, true, true]);
      await probe.close();
      probe = null;
    }
    vm.close();
    vm = make(); // a new app run
    const r = await vm.reconcile();
    expect(r.state).toBe('stopped');
    expect(r.notice).toMatch(/without Wharf/);
    expect((await vm.start()).state).toBe('running');
    // Once in three clean-clone runs the first OpenSSH exec after this start ended 255 (ssh's own
    // transport failure, not docker's answer) though Wharf's link had just checked SSH, the boot
    // nonce and /_ping. Until its cause is known, ssh gets a few tries and says why it failed.
    let inspect = await sh('docker image inspect -f "{{.Id}}" wharf-fixture:1');
    for (let i = 0; inspect.code === 255 && i < 3; i++) {
      console.log(`ssh into the restarted VM failed (255): ${inspect.stderr.trim()}`);
      await new Promise((r) => setTimeout(r, 2000));
      inspect = await sh('docker image inspect -f "{{.Id}}" wharf-fixture:1');
    }
    expect(inspect.code).toBe(0);
    // And a relaunch while it runs re-attaches instead of starting another QEMU.
    const again = make();
    expect((await again.reconcile()).state).toBe('running');
    again.close();
    expect((await vm.stop()).state).toBe('stopped');
  });

  it('a stop with the guest SSH gone presses the ACPI power button: Docker still stops its containers', async () => {
    expect((await vm.start()).state).toBe('running');
    const vol = '/var/lib/docker/volumes/wharfvol/_data';
    // on-term-restart (unless-stopped) is back; its SIGTERM record is cleared, its trap is set.
    const ready = await sh(
      `rm -f ${vol}/on-term-restart; for i in $(seq 50); do [ "$(docker inspect -f '{{.State.Running}}' on-term-restart)" = true ] && exit 0; sleep 0.2; done; exit 1`,
    );
    expect(ready.code, ready.stderr).toBe(0);
    await new Promise((r) => setTimeout(r, 1000));
    // SSH goes away (the listener; this session survives its own command).
    await sh('systemctl stop ssh.service');
    expect((await sh('true')).code).not.toBe(0);
    const pid = readPid(vm.files.pid) as number;
    const t0 = Date.now();
    expect((await vm.stop()).state).toBe('stopped');
    const secs = (Date.now() - t0) / 1000;
    console.log(`VM without SSH stopped in ${secs.toFixed(1)} s (the kill would come at 60 s)`);
    expect(pidAlive(pid, 'qemu')).toBe(false);
    // Powered off by the guest, not killed at the timeout.
    expect(secs).toBeLessThan(50);
    expect((await vm.start()).state).toBe('running');
    const term = await sh(`cat ${vol}/on-term-restart`);
    expect(term.stdout.trim(), term.stderr).toBe('got-term');
    expect((await vm.stop()).state).toBe('stopped');
  });
});
