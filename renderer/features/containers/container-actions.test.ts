import { describe, expect, it } from 'vitest';
import { WharfError } from '../../../vm-backend/api/errors';
import type { ContainerRow } from '../../../vm-backend/api/types';
import type { Bridge } from '../../bridge/types';
import { useStore } from '../../store/store';
import { actOnContainers, removeContainers, stoppable } from './container-actions';

const row = (name: string, state: ContainerRow['state']): ContainerRow => ({
  id: `id-${name}`,
  name,
  image: 'busybox:1',
  imageId: 'sha256:aa',
  command: 'sh',
  state,
  status: '',
  statusAt: 0,
  created: 0,
  ports: [],
});

/** A bridge whose one call answers `answer` (or throws it) and records what it was asked. */
function fakeBridge(answer: () => unknown) {
  const asked: [string, unknown][] = [];
  const bridge = {
    call: async (name: string, input: unknown) => {
      asked.push([name, input]);
      return answer();
    },
  } as unknown as Bridge;
  return { bridge, asked };
}

const notFound = { code: 'CONTAINER_NOT_FOUND', message: 'No such container.', hint: 'Refresh.' };

describe('actOnContainers', () => {
  it('asks once for every row, shows the docker command and returns each container that failed', async () => {
    const f = fakeBridge(() => [
      { id: 'id-web', ok: true },
      { id: 'id-db', ok: false, error: notFound },
    ]);
    const errors = await actOnContainers(f.bridge, [row('web', 'running'), row('db', 'running')], 'stop');
    expect(f.asked).toEqual([['containers:action', { ids: ['id-web', 'id-db'], action: 'stop' }]]);
    expect(useStore.getState().cliLast).toBe('docker container stop web db');
    expect(errors).toEqual([notFound]);
  });

  it('returns the refusal of the whole call as one error', async () => {
    const refusal = new WharfError({ code: 'ENGINE_UNREACHABLE', message: 'down', hint: 'start it' });
    const f = fakeBridge(() => {
      throw refusal;
    });
    const errors = await actOnContainers(f.bridge, [row('web', 'exited')], 'start');
    expect(errors.map((e) => e.code)).toEqual(['ENGINE_UNREACHABLE']);
  });
});

describe('removeContainers', () => {
  it('passes force and volumes on, and the command says them', async () => {
    const f = fakeBridge(() => [{ id: 'id-web', ok: true }]);
    expect(await removeContainers(f.bridge, [row('web', 'running')], { force: true, volumes: true })).toEqual([]);
    expect(f.asked).toEqual([['containers:remove', { ids: ['id-web'], force: true, removeVolumes: true }]]);
    expect(useStore.getState().cliLast).toBe('docker container rm -f -v web');
  });
});

describe('stoppable', () => {
  it('keeps running, paused and restarting containers only', () => {
    const rows = (['running', 'paused', 'restarting', 'exited', 'created', 'dead'] as const).map((s) => row(s, s));
    expect(stoppable(rows).map((r) => r.name)).toEqual(['running', 'paused', 'restarting']);
  });
});
