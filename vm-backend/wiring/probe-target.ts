// Tries a target once, on a connection of its own: reaches the engine, reads its versions and (SSH)
// the host key, pinning it when the host is new (trust on first use). `wharf context test` and
// the Targets screen both use it.
import Docker from 'dockerode';
import type { TargetTestResult } from '../api/contract.targets';
import { WharfError } from '../api/errors';
import { toWharfError } from '../engine/errors';
import { negotiateApiVersion, ping } from '../engine/ping';
import { vmConnection } from '../vm/guest/vm-connection';
import { createVmManager } from '../vm/vm-setup';
import type { Connection } from '../connection/connection';
import { connectionForEngine } from '../connection/from-engine';
import { targetVmStopped } from '../connection/target-errors';
import { checkKeyFile } from '../connection/target-validate';
import type { Target } from '../connection/targets';

const TIMEOUT_MS = 15_000;

async function open(t: Target, dataDir: string, env: NodeJS.ProcessEnv): Promise<{ conn: Connection; done(): void }> {
  if (t.engine === 'vm') {
    const vm = createVmManager(dataDir);
    await vm.reconcile();
    try {
      if (vm.status.state !== 'running') throw targetVmStopped();
      return { conn: vmConnection(vm), done: () => vm.close() };
    } catch (err) {
      vm.close();
      throw err;
    }
  }
  if (t.identity) checkKeyFile(t.identity);
  return { conn: connectionForEngine(t.engine, t.identity, env, dataDir), done: () => {} };
}

export async function probeTarget(
  t: Target,
  dataDir: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<TargetTestResult> {
  const at = Date.now();
  let opened: { conn: Connection; done(): void } | null = null;
  try {
    opened = await open(t, dataDir, env);
    const { conn } = opened;
    const pong = await ping(conn, TIMEOUT_MS);
    const api = negotiateApiVersion(pong.apiVersion) ?? pong.apiVersion;
    const v = (await new Docker({ ...conn.dockerOptions(), version: `v${api}`, timeout: TIMEOUT_MS }).version()) as {
      Version?: string;
    };
    const d = conn.linkEvents?.details() ?? {};
    return {
      ok: true,
      at,
      apiVersion: pong.apiVersion,
      ...(v.Version ? { engineVersion: v.Version } : {}),
      ...(d.hostKey ? { hostKey: d.hostKey } : {}),
      ...(d.hostKeyNew ? { hostKeyFirstUse: true } : {}),
    };
  } catch (err) {
    const e = err instanceof WharfError ? err : toWharfError(err, { endpoint: opened?.conn.endpoint ?? t.engine });
    const key = opened?.conn.linkEvents?.details().hostKey;
    return { ok: false, at, ...(key ? { hostKey: key } : {}), error: e.toJSON() };
  } finally {
    await opened?.conn.close().catch(() => {});
    opened?.done();
  }
}
