// Issue 15's vm_stop_graceful: N containers in the VM that record their SIGTERM on a volume, then
// `wharf vm stop` and `wharf vm start`; the figure is how many recorded it before the power-off.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

interface ExecResult {
  code: number | null;
  stdout: string;
  stderr: string;
}
// Bundled by esbuild (scripts/bench.sh); a require, so the e2e typecheck does not pull vm-backend in.
const { vmFiles } = require('../../vm-backend/vm/vm-files') as {
  vmFiles(root: string, name: string): { sshPort: string };
};
const { guestExec } = require('../../vm-backend/vm/guest/guest-link') as {
  guestExec(files: unknown, port: number, cmd: string, timeoutMs?: number, input?: Buffer): Promise<ExecResult>;
};
const { busyboxTar } = require('../../vm-backend/vm/testing/vm-fixtures') as { busyboxTar(): Buffer };

const VOLUME = '/var/lib/docker/volumes/wharf-bench-term/_data';

/** Runs `count` SIGTERM recorders in the running VM of `dataDir` and waits until each has its trap set. */
export async function startTermRecorders(dataDir: string, count: number): Promise<() => Promise<number>> {
  const files = vmFiles(join(dataDir, 'vms'), 'default');
  const sh = async (cmd: string, input?: Buffer): Promise<string> => {
    const port = Number(readFileSync(files.sshPort, 'utf8').trim()); // the same port after a restart when free
    const r = await guestExec(files, port, cmd, 180_000, input);
    if (r.code !== 0) throw new Error(`in the VM: ${cmd}: ${r.stderr}`);
    return r.stdout;
  };
  await sh('docker import - wharf-bench-term:1', busyboxTar());
  for (let i = 0; i < count; i++)
    await sh(
      `docker run -d --name term-${i} -v wharf-bench-term:/data wharf-bench-term:1 sh -c ` +
        `'trap "echo got-term > /data/term-${i}; exit 0" TERM; echo up > /data/up-${i}; sleep 100000 & wait'`,
    );
  await sh(
    `for s in $(seq 300); do [ $(ls ${VOLUME} | grep -c '^up-') = ${count} ] && exit 0; sleep 0.2; done; exit 1`,
  );
  // After the stop and the next start: how many recorded their SIGTERM.
  return async () => Number((await sh(`ls ${VOLUME} | grep -c '^term-' || true`)).trim());
}
