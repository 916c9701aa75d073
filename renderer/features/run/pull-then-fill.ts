// The short path: Run on a search result opens the run dialog for an image the engine may not have.
// The pull starts at once (its progress shows in the dialog), and once the image is there its
// EXPOSEd ports are filled in with the same host port when free, else the next free one.
import type { ImageRunInfo } from '../../../vm-backend/api/contract.run';
import type { HostListener } from '../../../vm-backend/api/rules/run-ports';
import { assignFreePorts } from '../../../vm-backend/api/rules/run-ports';
import { portRow, type PortRow } from '../../../vm-backend/api/rules/run-form';
import type { ContainerRow } from '../../../vm-backend/api/types';
import type { Bridge } from '../../bridge';
import { startPull, usePulls } from '../pull/pull-store';

/** Each EXPOSEd port published on the same host port when free, else the next free one. */
export function samePortRows(
  info: ImageRunInfo,
  containers: Iterable<ContainerRow>,
  listeners: readonly HostListener[],
): { rows: PortRow[]; moved: { from: number; to: number }[] } {
  const wanted = info.exposedPorts.map((p) => portRow(String(p.port), String(p.port), p.protocol));
  const rows = assignFreePorts(wanted, containers, listeners);
  const moved = rows.flatMap((r, i) =>
    r.hostPort !== wanted[i]?.hostPort ? [{ from: Number(wanted[i]?.hostPort), to: Number(r.hostPort) }] : [],
  );
  return { rows, moved };
}

/** Pulls `image` and resolves once it is done (true) or failed/cancelled (false). */
export async function pullAndWait(bridge: Bridge, image: string): Promise<boolean> {
  const before = new Set(usePulls.getState().order);
  await startPull(bridge, image);
  return new Promise((done) => {
    const check = (): boolean => {
      const s = usePulls.getState();
      // The engine names the pull with its tag (image:latest): the new entry is this pull.
      const mine = s.order.find((id) => !before.has(id));
      const p = mine ? s.pulls[mine] : undefined;
      if (!p || p.state === 'running') return false;
      off();
      done(p.state === 'done');
      return true;
    };
    const off = usePulls.subscribe(() => void check());
    check();
  });
}
