import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { TargetsOverview, TargetTestResult } from '../api/contract.targets';
import type { EngineStatus } from '../api/types';
import type { Envelope } from '../api/wire';
import { createBackend } from './backend';
import type { Backend } from './backend-types';
import { localConnectionFromEnv } from '../connection/local';

// Engines are unreachable sockets: these tests check the calls, not Docker.
const dir = mkdtempSync(join(tmpdir(), 'wharf-targets-'));
const key = join(dir, 'id_test');
writeFileSync(key, 'not really a key\n', { mode: 0o600 });
const connection = (name: string) =>
  localConnectionFromEnv({ DOCKER_HOST: `unix:///nonexistent/${name}.sock` }, 'linux');
const backend: Backend = createBackend({
  connection: connection('local'),
  dataDir: dir,
  connect: async (t) => ({ connection: connection(t.name) }),
});
afterAll(() => backend.close());

const ok = <T>(e: Envelope<unknown>): T => {
  if (!e.ok) throw new Error(`${e.error.code}: ${e.error.message}`);
  return e.value as T;
};
const code = (e: Envelope<unknown>): string => (e.ok ? 'ok' : e.error.code);
const stored = (): { active: string; targets: { name: string }[] } =>
  JSON.parse(readFileSync(join(dir, 'targets.json'), 'utf8'));

describe('targets calls', () => {
  it('lists local as active at first', async () => {
    const o = ok<TargetsOverview>(await backend.invoke('targets:list', {}));
    expect(o).toEqual({
      targets: [
        { name: 'local', engine: 'local' },
        { name: 'vm', engine: 'vm' },
      ],
      active: 'local',
      tests: {},
    });
  });
  it('refuses bad input with coded errors before saving anything', async () => {
    expect(code(await backend.invoke('targets:save', { name: 'Box', address: 'me@h' }))).toBe('TARGET_NAME_INVALID');
    expect(code(await backend.invoke('targets:save', { name: 'local', address: 'me@h' }))).toBe('TARGET_NAME_RESERVED');
    expect(code(await backend.invoke('targets:save', { name: 'box', address: 'h:22' }))).toBe('TARGET_ADDRESS_INVALID');
    expect(code(await backend.invoke('targets:save', { name: 'box', address: 'me@h\nx' }))).toBe(
      'TARGET_ADDRESS_INVALID',
    );
    expect(
      code(await backend.invoke('targets:save', { name: 'box', address: 'me@h', identity: join(dir, 'missing') })),
    ).toBe('TARGET_KEY_MISSING');
    expect(code(await backend.invoke('targets:save', { name: 'box', address: 'me@h', extra: 1 }))).toBe(
      'INVALID_INPUT',
    );
    expect(code(await backend.invoke('targets:save', { name: 'x'.repeat(65), address: 'me@h' }))).toBe('INVALID_INPUT');
    expect(code(await backend.invoke('targets:use', { name: 'nope' }))).toBe('TARGET_NOT_FOUND');
    expect(code(await backend.invoke('targets:remove', { name: 'local' }))).toBe('TARGET_LOCAL_BUILTIN');
    expect(() => stored()).toThrow();
  });
  it('adds, renames and refuses a duplicate name', async () => {
    ok(await backend.invoke('targets:save', { name: 'box', address: 'me@127.0.0.1:1', identity: key }));
    ok(await backend.invoke('targets:save', { name: 'other', address: 'me@10.9.9.9' }));
    expect(code(await backend.invoke('targets:save', { name: 'box', address: 'me@h' }))).toBe('TARGET_NAME_TAKEN');
    expect(code(await backend.invoke('targets:save', { name: 'box', address: 'me@h', previous: 'other' }))).toBe(
      'TARGET_NAME_TAKEN',
    );
    const o = ok<TargetsOverview>(
      await backend.invoke('targets:save', { name: 'other2', address: 'you@10.9.9.9:2200', previous: 'other' }),
    );
    expect(o.targets.map((t) => `${t.name} ${t.engine}`)).toEqual([
      'local local',
      'vm vm',
      'box ssh://me@127.0.0.1:1',
      'other2 ssh://you@10.9.9.9:2200',
    ]);
  });
  it('switches, persists the choice, and falls back to local when the active one is removed', async () => {
    const states: EngineStatus[] = [];
    const off = backend.on('engine:state', (s) => states.push(s));
    const r = ok<{ overview: TargetsOverview; status: EngineStatus }>(
      await backend.invoke('targets:use', { name: 'box' }),
    );
    expect(r.overview.active).toBe('box');
    expect(r.status.target).toBe('box');
    expect(stored().active).toBe('box');
    expect(ok<EngineStatus>(await backend.invoke('engine:status', {})).target).toBe('box');
    expect(states.some((s) => s.target === 'box')).toBe(true);
    const after = ok<TargetsOverview>(await backend.invoke('targets:remove', { name: 'box' }));
    expect(after.active).toBe('local');
    expect(stored().active).toBe('local');
    expect(ok<EngineStatus>(await backend.invoke('engine:status', {})).target).toBe('local');
    off();
  });
  it('tests a target and keeps the result in the list', async () => {
    // Nothing listens on port 1: a clear "unreachable", remembered for the list.
    ok(await backend.invoke('targets:save', { name: 'closed', address: 'me@127.0.0.1:1' }));
    const t = ok<TargetTestResult>(await backend.invoke('targets:test', { name: 'closed' }));
    expect(t.ok).toBe(false);
    expect(t.error?.code).toBe('SSH_UNREACHABLE');
    const o = ok<TargetsOverview>(await backend.invoke('targets:list', {}));
    expect(o.tests.closed?.error?.code).toBe('SSH_UNREACHABLE');
  });
});
