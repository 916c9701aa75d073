// Tag and push against the real dockerd and the test registries: credentials from the
// registries settings (X-Registry-Auth), per-layer progress, and each failure explained:
// unauthorized, unreachable, a registry that hangs, cancel.
import { createServer, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readRegistryState } from '../../../scripts/setup/registry-state';
import { localConnectionFromEnv } from '../../connection/local';
import type { RegistryTarget } from '../../registry/v2-client';
import { EngineSession } from '../session';
import { docker, recordingClient, uniqueName } from '../test-client';
import { PushManager } from './push-manager';

const reg = readRegistryState();
const BASE = 'wharf-fixture/busybox:1';
const made: string[] = [];
let session: EngineSession;
const creds = new Map<string, RegistryTarget>([
  [
    reg.WHARF_REGISTRY_AUTH,
    {
      host: reg.WHARF_REGISTRY_AUTH,
      username: reg.WHARF_REGISTRY_USER,
      secret: reg.WHARF_REGISTRY_PASSWORD,
    } as RegistryTarget,
  ],
]);
const manager = (stallMs?: number, withCreds = true): PushManager =>
  new PushManager(
    () => session.client(),
    { get: async (h: string) => (withCreds ? creds.get(h) : undefined) },
    stallMs,
  );
const name = (registry: string): string => {
  const n = `${registry}/wharf-test/${uniqueName('push')}:1`;
  made.push(n);
  return n;
};

beforeAll(async () => {
  session = new EngineSession(localConnectionFromEnv(), { state: () => {}, containers: () => {}, images: () => {} });
  await session.start();
});
afterAll(async () => {
  for (const n of made) await docker('image', 'rm', n).catch(() => '');
  await session.close();
});

describe('push against the real engine and registries', () => {
  it('tags an image and pushes it to the auth registry with the saved credentials, per layer', async () => {
    const m = manager();
    const ref = name(reg.WHARF_REGISTRY_AUTH);
    await m.tag(BASE, ref);
    expect(await docker('image', 'inspect', ref, '--format', '{{.Id}}')).toBe(
      await docker('image', 'inspect', BASE, '--format', '{{.Id}}'),
    );
    const client = recordingClient();
    const started = await m.start(client, ref);
    const done = await m.wait(started.push);
    expect(done.state, JSON.stringify(done.error)).toBe('done');
    expect(done.digest).toMatch(/^sha256:[a-f0-9]{64}$/);
    expect(done.layers.length).toBeGreaterThan(0);
    expect(done.layers.every((l) => l.phase === 'done')).toBe(true);
    expect(client.events.filter((e) => e.event === 'push:progress').length).toBeGreaterThan(1);
    // The registry has it: its manifest answers with the same digest.
    const path = ref.slice(reg.WHARF_REGISTRY_AUTH.length + 1).replace(/:1$/, '');
    const res = await fetch(`http://${reg.WHARF_REGISTRY_AUTH}/v2/${path}/manifests/1`, {
      method: 'HEAD',
      headers: {
        authorization: `Basic ${Buffer.from(`${reg.WHARF_REGISTRY_USER}:${reg.WHARF_REGISTRY_PASSWORD}`).toString('base64')}`,
        accept: 'application/vnd.docker.distribution.manifest.v2+json',
      },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('docker-content-digest')).toBe(done.digest);
  });

  it('explains a push without credentials (unauthorized), an image that is not there, and a closed port', async () => {
    const m = manager(undefined, false);
    const ref = name(reg.WHARF_REGISTRY_AUTH);
    await m.tag(BASE, ref);
    const unauth = await m.wait((await m.start(recordingClient(), ref)).push);
    expect(unauth.error?.code).toBe('PUSH_UNAUTHORIZED');
    const missing = await m.wait(
      (await m.start(recordingClient(), `${reg.WHARF_REGISTRY}/wharf-test/none-${process.pid}:1`)).push,
    );
    expect(missing.error?.code).toBe('PUSH_NO_IMAGE');
    const closed = name('127.0.0.1:9');
    await m.tag(BASE, closed);
    const unreachable = await m.wait((await m.start(recordingClient(), closed)).push);
    expect(unreachable.error?.code).toBe('PUSH_UNREACHABLE');
  }, 60_000);

  it('gives up on a registry that accepts the connection and never answers', async () => {
    const held: Socket[] = [];
    const server: Server = createServer((s) => held.push(s));
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    const port = (server.address() as { port: number }).port;
    try {
      const m = manager(2_000);
      const ref = name(`127.0.0.1:${port}`);
      await m.tag(BASE, ref);
      const at = Date.now();
      const hung = await m.wait((await m.start(recordingClient(), ref)).push);
      expect(hung.error?.code).toBe('PUSH_UNREACHABLE');
      expect(Date.now() - at).toBeLessThan(10_000);
    } finally {
      for (const s of held) s.destroy();
      server.close();
    }
  }, 30_000);
});
