// Against the real dockerd: the desktop's start-up path (startBackend behind the deferred backend
// the window talks to at once) reaches the engine, answers a call made before the backend existed,
// and the tray's running count follows a real container through the same events the window gets.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { EngineStatus, ListChange, ContainerRow, Listing } from '../../vm-backend/api/types';
import type { Envelope } from '../../vm-backend/api/wire';
import { LOCAL } from '../../vm-backend/connection/targets';
import { docker, uniqueName } from '../../vm-backend/engine/test-client';
import { until } from '../../vm-backend/testing/until';
import { createBackend } from '../../vm-backend/wiring/backend';
import { targetConnector } from '../../vm-backend/wiring/connect-target';
import { createVmManager } from '../../vm-backend/vm/vm-setup';
import { vmConnection } from '../../vm-backend/vm/guest/vm-connection';
import type { Backend } from '../../vm-backend/wiring/backend-types';
import { deferredBackend } from './deferred-backend';
import { RunningCount } from './running-count';
import { startBackend } from './start-backend';

const dataDir = mkdtempSync(join(tmpdir(), 'wharf-desktop-start-'));
const name = uniqueName('wharf-desktop');
const ok = <T>(e: Envelope<unknown>): T => {
  if (!e.ok) throw new Error(`${e.error.code}: ${e.error.message} (${e.error.detail})`);
  return e.value as T;
};

const start = () =>
  startBackend({
    target: LOCAL,
    connect: targetConnector({ dataDir }),
    makeVm: () => createVmManager(dataDir),
    vmConnection,
    create: (c) =>
      createBackend({
        ...c,
        target: LOCAL,
        dataDir,
        registriesFile: join(dataDir, 'registries.json'),
      }),
  });
let backend: Backend;

afterAll(async () => {
  await backend?.close();
  await docker('rm', '-f', name).catch(() => '');
});

describe('desktop start-up against the real engine', () => {
  it('answers the first call, made before the backend exists, from the real engine', async () => {
    // Issued in the same tick as start-up begins: the deferred backend holds it until start-up ends.
    backend = deferredBackend(start());
    const first = backend.invoke('engine:status', {});
    const s = ok<EngineStatus>(await first);
    expect(['connecting', 'ready']).toContain(s.state);
    await until(async () => ok<EngineStatus>(await backend.invoke('engine:status', {})).state === 'ready' || undefined);
  });

  it("the tray's running count follows a real container started and stopped", async () => {
    const count = new RunningCount();
    const off = backend.on('containers:changed', (c) => count.apply(c as ListChange<ContainerRow>));
    const listing = ok<Listing<ContainerRow>>(await backend.invoke('containers:list', {}));
    count.apply({ kind: 'reset', rows: listing.rows, seq: listing.seq });
    const id = (
      await docker('run', '-d', '--name', name, '--label', 'wharf.test=1', 'wharf-fixture/busybox:1', 'sleep', '600')
    ).trim();
    await until(async () => count.has(id) || undefined);
    await docker('stop', '-t', '0', name);
    await until(async () => !count.has(id) || undefined);
    off();
  });
});
