// The real probe behind VmWatch: QEMU's pid, then one SSH round trip (this boot's nonce) and the
// engine's /_ping, over one kept ssh2 link whose drops trigger a check at once.
import type { VmDriver } from '../driver';
import { enginePing, guestConnection, guestRun } from './guest-ssh';
import type { SshConnection } from '../../connection/ssh/ssh-connection';
import type { VmFiles } from '../vm-files';
import type { CheckResult, WatchProbe } from '../lifecycle/vm-watch';

export function guestProbe(
  files: VmFiles,
  driver: VmDriver,
  sshPort: number,
  nonce: string,
  timeoutMs = 8000,
): WatchProbe {
  let conn: SshConnection | null = null;
  const get = (): SshConnection => (conn ??= guestConnection(files, sshPort));
  return {
    alive: () => driver.alivePid(files) !== null,
    async check(): Promise<CheckResult> {
      const c = get();
      const id = await guestRun(c, 'cat /run/wharf-boot-id', timeoutMs).catch(() => null);
      // No answer, or another boot's id (not ours): the guest we started is not reachable.
      if (id === null || id.trim() !== nonce) return 'ssh';
      return (await enginePing(c, timeoutMs)) ? 'ok' : 'engine';
    },
    onDrop(cb) {
      const link = get().link;
      link.on('dropped', cb);
      return () => void link.off('dropped', cb);
    },
    async close() {
      const c = conn;
      conn = null;
      await c?.close();
    },
  };
}
