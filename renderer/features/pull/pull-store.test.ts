import { beforeEach, describe, expect, it } from 'vitest';
import type { PullProgress } from '../../../vm-backend/api/contract.pull';
import { WharfError } from '../../../vm-backend/api/errors';
import type { Bridge } from '../../bridge';
import type { TransportState } from '../../bridge/types';
import { cancelPull, subscribePulls, retryPull, usePulls } from './pull-store';

// A fake bridge: what the store does with the backend's answers and with the link's state.
const transport = new Set<(s: TransportState) => void>();
let answer: (name: string, input: unknown) => unknown = () => null;
const calls: [string, unknown][] = [];
const bridge = {
  kind: 'web',
  call: async (name: string, input: unknown) => {
    calls.push([name, input]);
    const a = answer(name, input);
    if (a instanceof Error) throw a;
    return a;
  },
  on: () => () => {},
  onTransport: (l: (s: TransportState) => void) => {
    transport.add(l);
    l('open');
    return () => transport.delete(l);
  },
  openExternal: () => {},
  downloadLogs: async () => {},
} as unknown as Bridge;

const running = (pull: string, ref = 'r:1'): PullProgress => ({
  pull,
  ref,
  layers: [],
  fraction: 0.3,
  bytesDone: 3,
  bytesTotal: 10,
  state: 'running',
});
const notFound = new WharfError({ code: 'PULL_NOT_FOUND', message: 'gone', hint: '', detail: '' });

beforeEach(() => {
  usePulls.setState({ pulls: {}, order: [], cancelErrors: {} });
  calls.length = 0;
  answer = () => null;
});

describe('pulls when the backend goes away', () => {
  it('ends every running pull as interrupted when the link closes; finished ones stay', () => {
    subscribePulls(bridge);
    const s = usePulls.getState();
    s.upsert(running('pull-a-1'));
    s.upsert({ ...running('pull-a-2'), state: 'done' });
    for (const l of transport) l('closed');
    const after = usePulls.getState().pulls;
    expect(after['pull-a-1']).toMatchObject({ state: 'interrupted', error: { code: 'PULL_INTERRUPTED' } });
    expect(after['pull-a-2']?.state).toBe('done');
  });

  it('Cancel of a pull the backend does not know ends it; other refusals are shown, never swallowed', async () => {
    usePulls.getState().upsert(running('pull-a-1'));
    answer = () => notFound;
    await cancelPull(bridge, 'pull-a-1');
    expect(usePulls.getState().pulls['pull-a-1']?.state).toBe('interrupted');

    usePulls.getState().upsert(running('pull-a-2'));
    answer = () => new WharfError({ code: 'BACKEND_DISCONNECTED', message: 'lost', hint: '', detail: '' });
    await cancelPull(bridge, 'pull-a-2');
    expect(usePulls.getState().cancelErrors['pull-a-2']?.code).toBe('BACKEND_DISCONNECTED');
    answer = () => null;
    await cancelPull(bridge, 'pull-a-2');
    expect(usePulls.getState().cancelErrors['pull-a-2']).toBeUndefined();
  });

  it('Retry pulls the same reference again under the new id, in place of the old entry', async () => {
    usePulls.getState().upsert({ ...running('pull-a-1', 'x:2'), state: 'interrupted' });
    answer = (name) => (name === 'pull:start' ? running('pull-b-1', 'x:2') : null);
    await retryPull(bridge, 'pull-a-1');
    expect(calls).toContainEqual(['pull:start', { ref: 'x:2' }]);
    expect(usePulls.getState().order).toEqual(['pull-b-1']);
  });
});
