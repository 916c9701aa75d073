// Cancel of a push in flight, against the real dockerd and the open test registry: a fresh 50 MB
// layer of random data (built FROM the busybox fixture, so no layer of it is in the registry yet)
// is pushed, cancelled once its bytes are moving, and must end as "cancelled" promptly, with no
// error, nothing left running in the manager, no manifest at the registry, and a push of the same
// name afterwards going through.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PushProgress } from '../../api/contract.push';
import { readRegistryState } from '../../../scripts/setup/registry-state';
import { localConnectionFromEnv } from '../../connection/local';
import { EngineSession } from '../session';
import { docker, recordingClient, uniqueName } from '../test-client';
import { PushManager } from './push-manager';

const reg = readRegistryState();
const repo = `wharf-test/${uniqueName('push-cancel')}`;
const ref = `${reg.WHARF_REGISTRY}/${repo}:1`;
let session: EngineSession;
let dir: string;

beforeAll(async () => {
  session = new EngineSession(localConnectionFromEnv(), { state: () => {}, containers: () => {}, images: () => {} });
  await session.start();
  dir = mkdtempSync(join(tmpdir(), 'wharf-push-cancel-'));
  writeFileSync(join(dir, 'data.bin'), randomBytes(50 * 1024 * 1024));
  writeFileSync(join(dir, 'Dockerfile'), 'FROM wharf-fixture/busybox:1\nCOPY data.bin /data.bin\n');
  await docker('build', '-q', '--label', 'wharf.test=1', '-t', ref, dir);
}, 120_000);
afterAll(async () => {
  await docker('image', 'rm', ref).catch(() => '');
  if (dir) rmSync(dir, { recursive: true, force: true });
  await session.close();
});

const manifestStatus = async (): Promise<number> =>
  (
    await fetch(`http://${reg.WHARF_REGISTRY}/v2/${repo}/manifests/1`, {
      method: 'HEAD',
      headers: { accept: 'application/vnd.docker.distribution.manifest.v2+json' },
    })
  ).status;

describe('push cancel against the real engine and registry', () => {
  it('cancels a 50 MB push in flight: cancelled within 2 s, no error, nothing left, and it can be pushed again', async () => {
    const m = new PushManager(() => session.client(), { get: async () => undefined });
    const client = recordingClient();
    const started = await m.start(client, ref);
    const progress = (): PushProgress[] =>
      client.events.filter((e) => e.event === 'push:progress').map((e) => e.payload as PushProgress);
    // In flight: the big layer's bytes are moving and it is not done.
    await client.waitFor(
      () => progress().some((p) => p.layers.some((l) => l.phase === 'pushing' && l.current > 0)),
      60_000,
    );
    const at = Date.now();
    expect(m.cancel(client, started.push)).toBeNull();
    const end = await m.wait(started.push);
    const tookMs = Date.now() - at;
    console.log(`push cancel: ${tookMs} ms from cancel to cancelled`);
    expect(end.state).toBe('cancelled');
    expect(tookMs).toBeLessThan(2_000);
    expect(end.error).toBeUndefined();
    expect(end.errorText).toBeUndefined();
    expect(end.fraction).toBeLessThan(1);
    // The window was told, last, that it was cancelled.
    expect(progress().at(-1)?.state).toBe('cancelled');
    // Nothing left running: the push is gone from the manager, a second cancel is refused.
    expect(() => m.wait(started.push)).toThrow();
    expect(() => m.cancel(client, started.push)).toThrow();
    // The registry has no manifest for it: the push did not finish behind our back.
    // (an uncancelled push of this image takes about 1.7 s here: 3 s is long enough to see it land)
    await new Promise((r) => setTimeout(r, 3_000));
    expect(await manifestStatus()).toBe(404);
    // The engine is not stuck on it: the same name pushes through afterwards.
    const again = await m.wait((await m.start(recordingClient(), ref)).push);
    expect(again.state, JSON.stringify(again.error)).toBe('done');
    expect(await manifestStatus()).toBe(200);
  }, 120_000);
});
