// Settings faults through the backend, as the window sees them: a read-only data folder (a tmpfs
// mounted read-only; chmod does not stop root) and a corrupt registries.json on disk. The engine
// is one that cannot be reached: these calls must not depend on it.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TargetsOverview } from '../api/contract.targets';
import type { RegistryInfo } from '../api/contract.registries';
import type { Envelope } from '../api/wire';
import { localConnectionFromEnv } from '../connection/local';
import { createBackend } from './backend';
import type { Backend } from './backend-types';

const root = mkdtempSync(join(tmpdir(), 'wharf-settings-faults-'));
const ro = join(root, 'ro');
const lines: string[] = [];
let backend: Backend;
const connection = () => localConnectionFromEnv({ DOCKER_HOST: 'unix:///nonexistent/docker.sock' }, 'linux');
const value = <T>(e: Envelope<unknown>): T => {
  if (!e.ok) throw new Error(JSON.stringify(e.error));
  return e.value as T;
};

beforeAll(() => {
  mkdirSync(ro);
  execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m,mode=0700', 'tmpfs', ro]);
  writeFileSync(join(ro, 'registries.json'), JSON.stringify({ registries: [{ host: 'kept.example' }] }));
  execFileSync('mount', ['-o', 'remount,ro', ro]);
  backend = createBackend({
    connection: connection(),
    dataDir: ro,
    registriesFile: join(ro, 'registries.json'),
    log: (l) => lines.push(l),
  });
});
afterAll(async () => {
  await backend?.close();
  execFileSync('umount', ['-l', ro]);
  rmSync(root, { recursive: true, force: true });
});

describe('a read-only data folder', () => {
  it('start-up says so, in the log and in targets:list', async () => {
    expect(lines.join('\n')).toMatch(/could not save .*ro.*EROFS|read-only/s);
    const o = value<TargetsOverview>(await backend.invoke('targets:list', {}));
    expect(o.dataDirProblem?.code).toBe('SETTINGS_WRITE_FAILED');
    expect(o.dataDirProblem?.detail).toContain(ro);
  });

  it('adding a registry is SETTINGS_WRITE_FAILED (not an engine error), and it does not show', async () => {
    const e = await backend.invoke('registries:add', { host: 'new.example', username: 'me', secret: 's' });
    expect(e.ok).toBe(false);
    if (e.ok) return;
    expect(e.error.code).toBe('SETTINGS_WRITE_FAILED');
    expect(e.error.detail).toContain(join(ro, 'registries.json'));
    expect(e.error.detail).toMatch(/EROFS/);
    expect(value<RegistryInfo[]>(await backend.invoke('registries:list', {})).map((r) => r.host)).toEqual([
      'kept.example',
    ]);
  });

  it('saving a target is SETTINGS_WRITE_FAILED with the path', async () => {
    const e = await backend.invoke('targets:save', { name: 'box', address: 'me@box:22' });
    expect(e.ok ? null : e.error.code).toBe('SETTINGS_WRITE_FAILED');
    expect(value<TargetsOverview>(await backend.invoke('targets:list', {})).targets.map((t) => t.name)).toEqual([
      'local',
      'vm',
    ]);
  });
});

describe('a corrupt registries.json', () => {
  it('is set aside and listed in targets:list with both paths', async () => {
    const dir = join(root, 'corrupt');
    mkdirSync(dir);
    writeFileSync(join(dir, 'registries.json'), '{"registries": [{"host": "reg.example", "secret": "hun');
    const b = createBackend({ connection: connection(), dataDir: dir, registriesFile: join(dir, 'registries.json') });
    try {
      const o = value<TargetsOverview>(await b.invoke('targets:list', {}));
      const kept = readdirSync(dir).find((n) => n.startsWith('registries.json.corrupt-'));
      expect(kept).toBeDefined();
      expect(o.settingsNotices).toEqual([
        expect.objectContaining({ file: join(dir, 'registries.json'), keptAs: join(dir, kept as string) }),
      ]);
      expect(o.dataDirProblem).toBeUndefined();
    } finally {
      await b.close();
    }
  });
});
