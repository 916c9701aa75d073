import { describe, expect, it } from 'vitest';
import type { VmStateName } from '../../vm-backend/api/vm-types';
import { answerAt, applyAnswer, planQuit, QUIT_BUTTONS, vmIsAlive } from './quit-decision';

const ALL: VmStateName[] = [
  'absent',
  'creating',
  'stopped',
  'starting',
  'running',
  'degraded',
  'stopping',
  'broken',
  'error',
];

describe('planQuit', () => {
  it('quits at once when no VM runs, whatever was remembered', () => {
    for (const vmState of [null, undefined, 'absent', 'stopped', 'stopping', 'broken', 'error'] as const)
      for (const preference of ['ask', 'stop', 'keep'] as const)
        expect(planQuit({ vmState, preference, asking: false }), `${vmState} ${preference}`).toEqual({ kind: 'quit' });
  });

  it('asks when the VM runs or is starting and nothing is remembered', () => {
    for (const vmState of ['running', 'degraded', 'starting', 'creating'] as const)
      expect(planQuit({ vmState, preference: 'ask', asking: false }), vmState).toEqual({ kind: 'ask' });
  });

  it('asks once: a second quit while the question shows waits for it', () => {
    expect(planQuit({ vmState: 'running', preference: 'ask', asking: true })).toEqual({ kind: 'wait' });
  });

  it('follows a remembered answer without asking', () => {
    expect(planQuit({ vmState: 'running', preference: 'stop', asking: false })).toEqual({ kind: 'stop-vm' });
    expect(planQuit({ vmState: 'degraded', preference: 'keep', asking: false })).toEqual({ kind: 'keep-vm' });
  });

  it('every VM state is either alive or not, and only the four that use the machine are', () => {
    expect(ALL.filter(vmIsAlive)).toEqual(['creating', 'starting', 'running', 'degraded']);
  });
});

describe('applyAnswer', () => {
  it('stop or keep, remembered only when the box is ticked', () => {
    expect(applyAnswer('stop', false)).toEqual({ plan: { kind: 'stop-vm' }, save: null });
    expect(applyAnswer('stop', true)).toEqual({ plan: { kind: 'stop-vm' }, save: 'stop' });
    expect(applyAnswer('keep', false)).toEqual({ plan: { kind: 'keep-vm' }, save: null });
    expect(applyAnswer('keep', true)).toEqual({ plan: { kind: 'keep-vm' }, save: 'keep' });
  });

  it('cancel does not quit and never remembers', () => {
    expect(applyAnswer('cancel', true)).toEqual({ plan: null, save: null });
  });

  it('maps the buttons in order; an unknown index is cancel', () => {
    expect(QUIT_BUTTONS.map((_, i) => answerAt(i))).toEqual(['stop', 'keep', 'cancel']);
    expect(answerAt(7)).toBe('cancel');
    expect(answerAt(-1)).toBe('cancel');
  });
});
