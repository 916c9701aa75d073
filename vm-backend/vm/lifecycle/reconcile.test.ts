import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import type { VmDriver } from '../driver';
import { pidAlive, readPid } from '../qemu/pids';
import { reconcile } from './reconcile';
import { readRuntime, type VmRuntime, writeRuntime, writeSettings } from './vm-runtime';
import { type VmFiles, vmFiles } from '../vm-files';

/** A driver whose "VM" is whatever the pid file says; liveness is real (kill 0). */
const fakeDriver = (): VmDriver => ({
  kind: 'qemu',
  unavailable: async () => null,
  prepare: async () => ({ rootReplaced: false }),
  start: async () => 0,
  alivePid: (f) => {
    const p = readPid(f.pid);
    return p !== null && pidAlive(p) ? p : null;
  },
  powerdown: async () => {},
  kill: async () => {},
});

const rt = (o: Partial<VmRuntime> = {}): VmRuntime => ({
  nonce: 'n1',
  sshPort: 2222,
  accel: 'tcg',
  imageVersion: 'v',
  phase: 'running',
  startedAt: 1,
  ownerPid: 999999,
  ...o,
});
const children: { kill(): void }[] = [];
afterEach(() => children.splice(0).forEach((c) => c.kill()));

function folder(): VmFiles {
  const f = vmFiles(mkdtempSync(join(tmpdir(), 'wharf-rec-')), 'default');
  mkdirSync(f.dir);
  writeSettings(f, { cpus: 1, memoryMiB: 1024, diskGiB: 8, network: false });
  return f;
}
function livePid(): number {
  const c = spawn('sleep', ['30']);
  children.push(c);
  return c.pid as number;
}

describe('reconcile on launch', () => {
  it('no folder or no settings: absent', async () => {
    const f = vmFiles(mkdtempSync(join(tmpdir(), 'wharf-rec-')), 'none');
    expect((await reconcile(f, fakeDriver(), async () => true)).state).toBe('absent');
  });
  it('stale pid, qmp socket and lock are removed: stopped', async () => {
    const f = folder();
    writeFileSync(f.pid, '999999');
    writeFileSync(f.qmp, '');
    writeFileSync(f.lock, '999998');
    const r = await reconcile(f, fakeDriver(), async () => true);
    expect(r.state).toBe('stopped');
    expect([f.pid, f.qmp, f.lock, f.runtime].map(existsSync)).toEqual([false, false, false, false]);
  });
  it('an interrupted start (app killed, VM gone) never sticks in starting', async () => {
    const f = folder();
    writeRuntime(f, rt({ phase: 'starting' }));
    const r = await reconcile(f, fakeDriver(), async () => true);
    expect(r).toMatchObject({ state: 'stopped', notice: expect.stringMatching(/interrupted/) });
  });
  it('a VM killed while running: stopped, with a notice that says so', async () => {
    const f = folder();
    writeRuntime(f, rt());
    writeFileSync(f.pid, '999999');
    expect((await reconcile(f, fakeDriver(), async () => true)).notice).toMatch(/without Wharf/);
  });
  it('a VM still running from the last app run is re-attached', async () => {
    const f = folder();
    writeRuntime(f, rt({ phase: 'starting' }));
    writeFileSync(f.pid, String(livePid()));
    let probed: VmRuntime | null = null;
    const r = await reconcile(f, fakeDriver(), async (x) => ((probed = x), true));
    expect(r.state).toBe('running');
    expect(r.runtime?.phase).toBe('running');
    expect(probed).toMatchObject({ nonce: 'n1' });
    expect(readRuntime(f)?.nonce).toBe('n1');
  });
  it('a running process that does not answer, or has no state: broken with a way out', async () => {
    const f = folder();
    writeRuntime(f, rt());
    writeFileSync(f.pid, String(livePid()));
    expect(await reconcile(f, fakeDriver(), async () => false)).toMatchObject({
      state: 'broken',
      problem: { code: 'VM_UNRESPONSIVE' },
    });
    const g = folder();
    writeFileSync(g.pid, String(livePid()));
    expect(await reconcile(g, fakeDriver(), async () => true)).toMatchObject({
      state: 'broken',
      problem: { code: 'VM_BROKEN', hint: expect.stringMatching(/force stop/) },
    });
  });
});

describe('sticky SSH port', () => {
  it('reuses the last port while it is free, picks another when it is taken', async () => {
    const { stickyPort } = await import('./vm-runtime');
    const { createServer } = await import('node:net');
    const f = folder();
    const a = await stickyPort(f);
    expect(await stickyPort(f)).toBe(a);
    const srv = createServer();
    await new Promise<void>((r) => srv.listen(a, '127.0.0.1', () => r()));
    try {
      expect(await stickyPort(f)).not.toBe(a);
    } finally {
      srv.close();
    }
  });
});
