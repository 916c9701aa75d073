// The tray's menu (macOS menu bar, Windows notification area, Linux status area) as data, built
// from the engine's and the VM's states: pure, so every combination is tested without Electron.
import type { EngineConnectionState } from '../../vm-backend/api/types';
import type { VmStateName } from '../../vm-backend/api/vm-types';
import type { ShellText } from './shell-text';

export interface TrayState {
  engine: EngineConnectionState | null;
  /** null: Wharf cannot run its VM here, or has not read its state yet. */
  vm: VmStateName | null;
  /** Running containers on the active engine; null while the engine is not ready. */
  running: number | null;
}

export type TrayAction = 'open' | 'start-vm' | 'stop-vm' | 'quit';

export type TrayItem =
  | { kind: 'action'; action: TrayAction; label: string; enabled: boolean }
  | { kind: 'info'; label: string }
  | { kind: 'separator' };

const VM_STARTABLE: ReadonlySet<VmStateName> = new Set<VmStateName>(['absent', 'stopped', 'error', 'broken']);
const VM_STOPPABLE: ReadonlySet<VmStateName> = new Set<VmStateName>(['running', 'degraded', 'starting']);

export function trayMenu(s: TrayState, t: ShellText): TrayItem[] {
  const items: TrayItem[] = [
    { kind: 'action', action: 'open', label: t('trayOpen'), enabled: true },
    { kind: 'separator' },
    { kind: 'info', label: t('trayEngine', { state: t(`engine.${s.engine ?? 'connecting'}`) }) },
  ];
  if (s.engine === 'ready' && s.running !== null)
    items.push({ kind: 'info', label: t('trayRunning', { count: s.running }) });
  if (s.vm) {
    items.push({ kind: 'separator' }, { kind: 'info', label: t('trayVm', { state: t(`vm.${s.vm}`) }) });
    // One of Start or Stop, whichever the VM's state allows; greyed while it is on its way.
    if (VM_STOPPABLE.has(s.vm))
      items.push({ kind: 'action', action: 'stop-vm', label: t('trayStopVm'), enabled: true });
    else items.push({ kind: 'action', action: 'start-vm', label: t('trayStartVm'), enabled: VM_STARTABLE.has(s.vm) });
  }
  items.push({ kind: 'separator' }, { kind: 'action', action: 'quit', label: t('trayQuit'), enabled: true });
  return items;
}

/** The tooltip: one line with both states, e.g. "Wharf: Docker running · VM stopped". */
export function trayTooltip(s: TrayState, t: ShellText): string {
  const parts = [t('trayEngine', { state: t(`engine.${s.engine ?? 'connecting'}`) })];
  if (s.vm) parts.push(t('trayVm', { state: t(`vm.${s.vm}`) }));
  return `${t('trayTooltip')}: ${parts.join(' · ')}`;
}
