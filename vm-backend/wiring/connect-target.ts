// How Wharf reaches a target (`local`, `vm`, `ssh://...`): shared by web mode, the desktop app and
// the backend when the user switches engines. The VM is started first when it is not running.
import { WharfError } from '../api/errors';
import { createVmManager } from '../vm/vm-setup';
import { vmStartFailed } from '../vm/vm-errors';
import { vmConnection } from '../vm/guest/vm-connection';
import type { VmManager } from '../vm/lifecycle/vm-manager';
import type { Connection } from '../connection/connection';
import { connectionForEngine } from '../connection/from-engine';
import { SshTargetError } from '../connection/ssh/target';
import { targetAddressUnusable, targetConnectFailed } from '../connection/target-errors';
import type { Target } from '../connection/targets';

export interface Connected {
  connection: Connection;
  /** Wharf's own VM, when the target is `vm`. */
  vm?: VmManager;
}

export type Connector = (target: Target) => Promise<Connected>;

export interface ConnectorOptions {
  dataDir: string;
  env?: NodeJS.ProcessEnv;
  /** Progress lines (the VM booting). */
  log?: (line: string) => void;
}

async function connectVm(o: ConnectorOptions): Promise<Connected> {
  const vm = createVmManager(o.dataDir);
  try {
    await vm.reconcile();
    if (vm.status.state !== 'running') {
      const off = o.log
        ? vm.machine.onChange((s) => o.log?.(`vm: ${s.state}${s.phase ? `/${s.phase}` : ''}: ${s.progress}`))
        : undefined;
      const s = await vm.start();
      off?.();
      if (s.state !== 'running') throw vmStartFailed(`${s.state}: ${s.problem?.message ?? s.progress}`);
    }
    return { connection: vmConnection(vm), vm };
  } catch (err) {
    vm.close();
    throw err instanceof WharfError ? err : vmStartFailed((err as Error).message);
  }
}

/** The connector for one data folder: `local` and `ssh://` at once (they dial lazily), `vm` after boot. */
export function targetConnector(o: ConnectorOptions): Connector {
  return async (t) => {
    if (t.engine === 'vm') return connectVm(o);
    try {
      return { connection: connectionForEngine(t.engine, t.identity, o.env ?? process.env, o.dataDir) };
    } catch (err) {
      if (err instanceof SshTargetError) {
        throw targetAddressUnusable(t.name, err.message);
      }
      throw targetConnectFailed(t.name, (err as Error).message);
    }
  };
}
