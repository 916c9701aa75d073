// The tray icon: the engine's and the VM's states, the running containers' count, Open, Start/Stop
// VM and Quit. Follows the backend's broadcast events; the menu itself is tray-menu.ts.
import { Menu, type MenuItemConstructorOptions, nativeImage, Tray } from 'electron';
import type { EngineStatus } from '../../vm-backend/api/types';
import type { VmOverview, VmStatus } from '../../vm-backend/api/contract.vm';
import type { Backend } from '../../vm-backend/wiring/backend-types';
import { RunningCount } from './running-count';
import type { ShellText } from './shell-text';
import { type TrayAction, type TrayItem, type TrayState, trayMenu, trayTooltip } from './tray-menu';

export interface TrayDeps {
  iconPath: string;
  t: ShellText;
  backend: Pick<Backend, 'on' | 'invoke'>;
  open(): void;
  quit(): void;
  /** process.platform: a click on the icon opens the window on Windows and Linux. */
  platform: string;
}

export function toTemplate(items: TrayItem[], act: (a: TrayAction) => void): MenuItemConstructorOptions[] {
  return items.map((i) =>
    i.kind === 'separator'
      ? { type: 'separator' }
      : i.kind === 'info'
        ? { label: i.label, enabled: false }
        : { label: i.label, enabled: i.enabled, click: () => act(i.action) },
  );
}

export function createTray(deps: TrayDeps): { tray: Tray; dispose(): void } {
  const icon = nativeImage.createFromPath(deps.iconPath).resize({ width: 16, height: 16 });
  const tray = new Tray(icon);
  const state: TrayState = { engine: null, vm: null, running: null };
  const count = new RunningCount();
  let shown = '';
  const act = (a: TrayAction): void => {
    if (a === 'open') deps.open();
    else if (a === 'quit') deps.quit();
    else void deps.backend.invoke(a === 'start-vm' ? 'vm:start' : 'vm:stop', {});
  };
  const render = (): void => {
    const items = trayMenu(state, deps.t);
    const key = JSON.stringify(items);
    if (key === shown) return;
    shown = key;
    tray.setContextMenu(Menu.buildFromTemplate(toTemplate(items, act)));
    tray.setToolTip(trayTooltip(state, deps.t));
  };
  const setEngine = (s: EngineStatus): void => {
    state.engine = s.state;
    state.running = s.state === 'ready' ? count.count : null;
    render();
  };
  const setVm = (s: VmStatus | null): void => {
    state.vm = s?.state ?? null;
    render();
  };
  const offs = [
    deps.backend.on('engine:state', setEngine),
    deps.backend.on('vm:state', setVm),
    deps.backend.on('containers:changed', (change) => {
      const n = count.apply(change);
      if (state.engine === 'ready') state.running = n;
      render();
    }),
  ];
  render();
  // The events only say what changes: read where things stand now.
  void deps.backend.invoke('engine:status', {}).then((r) => r.ok && setEngine(r.value as EngineStatus));
  void deps.backend.invoke('vm:overview', {}).then((r) => {
    if (!r.ok) return;
    const o = r.value as VmOverview;
    if (o.available) setVm(o.status);
  });
  void deps.backend.invoke('containers:list', {}).then((r) => {
    if (!r.ok) return;
    const listing = r.value as { rows?: unknown; seq?: unknown } | null;
    // An event already brought newer rows than this listing (or it is not a listing at all).
    if (!Array.isArray(listing?.rows) || typeof listing.seq !== 'number' || listing.seq < count.seq) return;
    count.apply({ kind: 'reset', rows: listing.rows as never, seq: listing.seq });
    if (state.engine === 'ready') state.running = count.count;
    render();
  });
  if (deps.platform !== 'darwin') tray.on('click', () => deps.open());
  return {
    tray,
    dispose: () => {
      for (const off of offs) off();
      tray.destroy();
    },
  };
}
