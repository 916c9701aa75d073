// The learn store inspects a lesson's named containers once per container and state, and keeps
// what the engine said for the checks (no polling: a repeat call with nothing new asks nothing).
import { describe, expect, it, vi } from 'vitest';
import type { ContainerRow, ContainerState } from '../../../vm-backend/api/types';
import type { Bridge } from '../../bridge/types';
import { MIB } from './inspect-facts';
import { ensureInspected, useLearn } from './learn-store';
import type { LearnState } from './lesson-model';
import { insideLesson } from './lesson-inside';

const row = (name: string, state: ContainerState): ContainerRow => ({
  id: `id-${name}`,
  name,
  image: 'busybox',
  imageId: 'sha256:x',
  command: '',
  state,
  status: '',
  statusAt: 0,
  created: 0,
  ports: [],
});
const stateOf = (containers: ContainerRow[]): LearnState => ({
  containers,
  images: [],
  volumes: [],
  networks: [],
  inspected: useLearn.getState().inspected,
});

describe('ensureInspected', () => {
  it('asks once per container and state, only for the names the lesson inspects', async () => {
    const call = vi.fn(async () => ({ raw: { Config: { Tty: false }, HostConfig: { Memory: 64 * MIB } } }));
    const bridge = { call } as unknown as Bridge;
    const rows = [row('learn-limits', 'running'), row('someone-else', 'running')];
    ensureInspected(insideLesson, stateOf(rows), bridge);
    ensureInspected(insideLesson, stateOf(rows), bridge); // still under way: not asked again
    await vi.waitFor(() => expect(useLearn.getState().inspected['id-learn-limits']).toBeDefined());
    expect(call).toHaveBeenCalledTimes(1);
    expect(call).toHaveBeenCalledWith('containers:inspect', { id: 'id-learn-limits' });
    expect(useLearn.getState().inspected['id-learn-limits']).toMatchObject({ state: 'running', memory: 64 * MIB });
    ensureInspected(insideLesson, stateOf(rows), bridge); // known for this state
    expect(call).toHaveBeenCalledTimes(1);
    ensureInspected(insideLesson, stateOf([row('learn-limits', 'exited')]), bridge); // a new state
    await vi.waitFor(() => expect(useLearn.getState().inspected['id-learn-limits']?.state).toBe('exited'));
    expect(call).toHaveBeenCalledTimes(2);
  });
});
