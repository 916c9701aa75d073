import { beforeEach, describe, expect, it } from 'vitest';
import { WharfError } from '../../../vm-backend/api/errors';
import type { Bridge } from '../../bridge/types';
import { registryInput, useRegistriesDialog } from './registries-store';

const refused = {
  code: 'REGISTRY_UNREACHABLE',
  message: 'Nothing answers.',
  hint: 'Check the host.',
  detail: 'ECONNREFUSED',
};

/** A registry list the fake backend keeps; `fail` names calls that throw `refused`. */
function fakeBridge(fail: string[] = []) {
  const hosts: string[] = ['old:5000'];
  const asked: string[] = [];
  const bridge = {
    call: async (name: string, input: { host?: string }) => {
      asked.push(name);
      if (fail.includes(name)) throw new WharfError(refused);
      if (name === 'registries:list') return hosts.map((host) => ({ host }));
      if (name === 'registries:add') hosts.push(input.host!);
      if (name === 'registries:remove') hosts.splice(hosts.indexOf(input.host!), 1);
      if (name === 'registries:test') return { catalog: true, repositories: 3 };
      return null;
    },
  } as unknown as Bridge;
  return { bridge, asked };
}

const state = () => useRegistriesDialog.getState();
beforeEach(() => state().show(true));

describe('registryInput', () => {
  it('trims host and user, leaves out what is empty, keeps the secret as typed', () => {
    expect(registryInput(' h:5000 ', '  ', '')).toEqual({ host: 'h:5000' });
    expect(registryInput('h', ' me ', ' s3 ')).toEqual({ host: 'h', username: 'me', secret: ' s3 ' });
  });
});

describe('registries store', () => {
  it('adds, then shows the list read again', async () => {
    const f = fakeBridge();
    expect(await state().add(f.bridge, { host: 'new:5000' })).toBe(true);
    expect(f.asked).toEqual(['registries:add', 'registries:list']);
    expect(state().list.map((r) => r.host)).toEqual(['old:5000', 'new:5000']);
    expect(state().busy).toBe(false);
  });

  it('removes, then shows the list read again', async () => {
    const f = fakeBridge();
    await state().remove(f.bridge, 'old:5000');
    expect(state().list).toEqual([]);
  });

  it('shows a refused add as the error and keeps the form (add answers false)', async () => {
    const f = fakeBridge(['registries:add']);
    expect(await state().add(f.bridge, { host: 'new:5000' })).toBe(false);
    expect(state().error).toEqual(refused);
    expect(state().busy).toBe(false);
  });

  it('counts an add whose list then fails to reload as added, and shows that error', async () => {
    const f = fakeBridge(['registries:list']);
    expect(await state().add(f.bridge, { host: 'new:5000' })).toBe(true);
    expect(state().error).toEqual(refused);
  });

  it('a test result and the last error are cleared by the next action', async () => {
    const f = fakeBridge(['registries:remove']);
    await state().remove(f.bridge, 'old:5000');
    expect(state().error).toEqual(refused);
    await state().test(f.bridge, { host: 'old:5000' });
    expect(state().error).toBeNull();
    expect(state().tested).toEqual({ catalog: true, repositories: 3 });
    await state().remove(f.bridge, 'old:5000');
    expect(state().tested).toBeNull();
  });

  it('a failed load shows its error; opening again starts afresh', async () => {
    await state().load(fakeBridge(['registries:list']).bridge);
    expect(state().error).toEqual(refused);
    state().show(false);
    state().show(true);
    expect(state()).toMatchObject({ open: true, list: [], error: null, tested: null, busy: false });
  });
});
