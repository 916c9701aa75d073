import { describe, expect, it } from 'vitest';
import { IllegalTransition, VmStateMachine, type VmStatus } from './vm-state';

describe('VmStateMachine', () => {
  it('walks create -> start phases -> running -> stop, emitting each step with progress', () => {
    const m = new VmStateMachine('default');
    const seen: VmStatus[] = [];
    m.onChange((s) => seen.push(s));
    m.to('creating', 'Creating');
    m.to('stopped', 'Created');
    m.to('starting', 'Booting', { phase: 'booting', accel: 'tcg', sshPort: 2222 });
    m.to('starting', 'SSH', { phase: 'ssh-ready' });
    m.to('starting', 'Docker', { phase: 'engine-ready' });
    m.to('running', 'Running');
    expect(m.status).toMatchObject({ state: 'running', accel: 'tcg', sshPort: 2222 });
    expect(m.status.phase).toBeUndefined();
    m.to('stopping', 'Stopping');
    m.to('stopped', 'Stopped');
    expect(seen.map((s) => `${s.state}${s.phase ? `:${s.phase}` : ''}`)).toEqual([
      'creating',
      'stopped',
      'starting:booting',
      'starting:ssh-ready',
      'starting:engine-ready',
      'running',
      'stopping',
      'stopped',
    ]);
    expect(seen.every((s) => s.progress.length > 0)).toBe(true);
    expect(m.status.sshPort).toBeUndefined();
  });

  it('keeps the typical start time through the steps of one start, so the elapsed line can use it', () => {
    const m = new VmStateMachine('default', 'stopped');
    m.to('starting', 'Checking this computer', { phase: 'booting', typicalBootMs: 21_000 });
    const since = m.status.since;
    m.to('starting', 'Preparing disks');
    m.to('starting', 'Waiting for Docker', { phase: 'ssh-ready' });
    expect(m.status).toMatchObject({ typicalBootMs: 21_000, since });
  });

  it('refuses illegal transitions and backwards start phases', () => {
    const m = new VmStateMachine('default');
    expect(() => m.to('running', 'x')).toThrow(IllegalTransition);
    expect(() => m.to('starting', 'x')).toThrow(IllegalTransition);
    m.to('creating', 'c');
    m.to('stopped', 's');
    m.to('starting', 'b', { phase: 'ssh-ready' });
    expect(() => m.to('starting', 'b', { phase: 'booting' })).toThrow(/backwards/);
  });

  it('lets error be left by starting again, and keeps a degraded VM resumable', () => {
    const m = new VmStateMachine('default', 'stopped');
    m.to('starting', 'b', { phase: 'booting' });
    m.to('error', 'failed', { problem: { code: 'VM_START_FAILED', message: 'm', hint: 'h' } });
    expect(m.canGo('starting')).toBe(true);
    m.to('starting', 'again', { phase: 'booting' });
    expect(m.status.problem).toBeUndefined();
    m.to('running', 'r', { bootedAt: 5 });
    m.to('degraded', 'link lost');
    m.to('running', 'back');
    expect(m.status.bootedAt).toBe(5);
  });

  it('assume() sets observed facts without a check (reconcile)', () => {
    const m = new VmStateMachine('default');
    m.assume('running', 'Running (re-attached)', { sshPort: 1 });
    expect(m.status).toMatchObject({ state: 'running', sshPort: 1 });
  });

  it('a throwing listener does not stop the machine', () => {
    const m = new VmStateMachine('default');
    m.onChange(() => {
      throw new Error('closed socket');
    });
    expect(m.to('creating', 'c').state).toBe('creating');
  });
});
