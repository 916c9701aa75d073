// A followed log across a dockerd crash: the engine is SIGKILLed and started again while a
// `--restart always` container prints a counter every 100 ms. Uses a private dockerd of its own
// (testing/private-dockerd.ts), never the shared one other tests use.
import { execSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localConnectionFromEnv } from '../../connection/local';
import { createBackend } from '../../wiring/backend';
import type { Backend } from '../../wiring/backend-types';
import { type PrivateDockerd, startPrivateDockerd } from '../testing/private-dockerd';
import { recordingClient } from '../test-client';

const IMAGE = 'wharf-fixture/busybox:1';
/** Counts on from where it was (kept in the container's own file system) if it is restarted. */
const COUNTER = 'n=$(cat /n 2>/dev/null || echo 0); while true; do n=$((n+1)); echo $n > /n; echo $n; sleep 0.1; done';

let engine: PrivateDockerd | null = null;
let backend: Backend | null = null;
const dataDir = mkdtempSync(join(tmpdir(), 'wharf-logs-restart-'));

const numbers = (text: string): number[] =>
  text
    .split('\n')
    .filter(Boolean)
    .map((l) => Number(l));

beforeAll(async () => {
  engine = await startPrivateDockerd();
  execSync(`docker save ${IMAGE} | docker -H ${engine.host} load`, { stdio: 'ignore' });
}, 120_000);

afterAll(async () => {
  await backend?.close().catch(() => {});
  await engine?.stop();
  rmSync(dataDir, { recursive: true, force: true });
}, 60_000);

describe('a followed log when dockerd restarts', () => {
  it('goes on after the engine is back, with no line lost or shown twice', async () => {
    const d = engine as PrivateDockerd;
    const id = await d.docker('run', '-d', '--network', 'none', '--restart', 'always', IMAGE, 'sh', '-c', COUNTER);
    const b = createBackend({ connection: localConnectionFromEnv({ DOCKER_HOST: d.host }, 'linux'), dataDir });
    backend = b;
    const c = recordingClient();
    for (let i = 0; i < 100; i++) {
      const s = await b.invoke('engine:status', {});
      if (s.ok && (s.value as { state: string }).state === 'ready') break;
      await new Promise((r) => setTimeout(r, 50));
    }
    const r = await b.invoke('logs:open', { id, tail: 'all', timestamps: false, follow: true }, c);
    expect(r.ok).toBe(true);
    const { stream } = (r as { value: { stream: string } }).value;
    const shown = (): number[] => numbers(c.text('logs:chunk', stream));
    await c.waitFor(() => shown().length >= 10);

    await d.kill();
    const beforeRestart = Math.max(...shown());
    const back = await d.start();
    // New lines, written after the engine came back, reach the followed view.
    await c.waitFor(() => Math.max(...shown()) >= beforeRestart + 30, 30_000);
    const resumedIn = Date.now() - back;
    await b.invoke('logs:close', { stream }, c);

    const got = shown();
    const engineLog = numbers(await d.docker('logs', id));
    // Exactly the engine's own record, in order: nothing lost, nothing twice.
    expect(got).toEqual(engineLog.slice(0, got.length));
    // And the counter itself runs on without a gap across the crash.
    expect(got).toEqual(got.map((_, i) => (got[0] as number) + i));
    expect(c.events.some((e) => e.event === 'logs:end')).toBe(false);
    // While the engine was away the view said so, then followed again.
    const states = c.events.filter((e) => e.event === 'logs:state').map((e) => (e.payload as { state: string }).state);
    expect(states.slice(-2)).toEqual(['engine-away', 'following']);
    console.log(`engine back -> 30 more lines shown: ${resumedIn} ms; lines ${got[0]}..${got.at(-1)}`);
  }, 120_000);
});
