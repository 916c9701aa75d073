import { describe, expect, it } from 'vitest';
import { shellText } from './shell-text';
import { type TrayItem, trayMenu, trayTooltip } from './tray-menu';

const en = shellText('en');
const labels = (items: TrayItem[]) => items.map((i) => (i.kind === 'separator' ? '---' : i.label));
const action = (items: TrayItem[], a: string) => items.find((i) => i.kind === 'action' && i.action === a);

describe('trayMenu', () => {
  it('engine ready, VM running: both states, the running count, Open, Stop VM and Quit', () => {
    const items = trayMenu({ engine: 'ready', vm: 'running', running: 3 }, en);
    expect(labels(items)).toEqual([
      'Open Wharf',
      '---',
      'Docker: running',
      'Running containers: 3',
      '---',
      'VM: running',
      'Stop VM',
      '---',
      'Quit Wharf',
    ]);
    expect(action(items, 'stop-vm')).toMatchObject({ enabled: true });
    expect(action(items, 'start-vm')).toBeUndefined();
  });

  it('VM stopped: Start VM, and no count while the engine is not ready', () => {
    const items = trayMenu({ engine: 'unreachable', vm: 'stopped', running: null }, en);
    expect(labels(items)).toContain('Docker: not reachable');
    expect(labels(items).some((l) => l.startsWith('Running containers'))).toBe(false);
    expect(action(items, 'start-vm')).toMatchObject({ enabled: true });
    // A count kept from before the engine went away is not shown as if it were current.
    const stale = trayMenu({ engine: 'unreachable', vm: null, running: 4 }, en);
    expect(labels(stale).some((l) => l.startsWith('Running containers'))).toBe(false);
  });

  it('Start is greyed while the VM is stopping or being created; Stop is offered while it starts', () => {
    for (const vm of ['stopping', 'creating'] as const)
      expect(action(trayMenu({ engine: 'ready', vm, running: 0 }, en), 'start-vm'), vm).toMatchObject({
        enabled: false,
      });
    expect(action(trayMenu({ engine: 'connecting', vm: 'starting', running: null }, en), 'stop-vm')).toBeDefined();
    for (const vm of ['absent', 'error', 'broken'] as const)
      expect(action(trayMenu({ engine: 'ready', vm, running: 0 }, en), 'start-vm'), vm).toMatchObject({
        enabled: true,
      });
  });

  it('no VM here (or not read yet): no VM lines; Open and Quit always', () => {
    const items = trayMenu({ engine: null, vm: null, running: null }, en);
    expect(labels(items)).toEqual(['Open Wharf', '---', 'Docker: connecting…', '---', 'Quit Wharf']);
  });

  it('speaks Korean, and the tooltip carries both states', () => {
    const ko = shellText('ko-KR');
    expect(labels(trayMenu({ engine: 'ready', vm: 'stopped', running: 0 }, ko))).toContain('VM 켜기');
    expect(trayTooltip({ engine: 'ready', vm: 'stopped', running: 2 }, en)).toBe(
      'Wharf: Docker: running · VM: stopped',
    );
  });
});
