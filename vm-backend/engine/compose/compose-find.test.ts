import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findCompose, parseComposeVersion } from './compose-find';

const answers =
  (table: Record<string, string | Error>) =>
  async (argv: string[]): Promise<string> => {
    const a = table[argv.join(' ')];
    if (a === undefined || a instanceof Error) throw a ?? new Error(`spawn ${argv[0]} ENOENT`);
    return a;
  };

describe('findCompose', () => {
  it('reads v1 and v2 version lines alike', () => {
    expect(parseComposeVersion('docker-compose version 1.29.2, build unknown')?.version).toBe('1.29.2');
    expect(parseComposeVersion('Docker Compose version v2.24.5')?.version).toBe('2.24.5');
    expect(parseComposeVersion('Docker Compose version 2.27.0-desktop.2')?.version).toBe('2.27.0');
    expect(parseComposeVersion('garbage')).toBeNull();
  });

  it('prefers the plugin, then docker-compose on PATH', async () => {
    const both = await findCompose({
      platform: 'linux',
      run: answers({
        'docker compose': 'Docker Compose version v2.24.5',
        'docker-compose': 'docker-compose version 1.29.2',
      }),
    });
    expect(both).toMatchObject({ found: true, flavor: 'plugin', version: '2.24.5', command: ['docker', 'compose'] });
    const v1 = await findCompose({
      platform: 'linux',
      run: answers({ 'docker-compose': 'docker-compose version 1.29.2, build x' }),
    });
    expect(v1).toMatchObject({ found: true, flavor: 'v1', command: ['docker-compose'], source: 'path' });
    const v2 = await findCompose({
      platform: 'linux',
      run: answers({ 'docker-compose': 'Docker Compose version v2.20.0' }),
    });
    expect(v2.flavor).toBe('standalone');
  });

  it('takes the path set in settings first', async () => {
    const r = await findCompose({
      platform: 'linux',
      settingsPath: '/opt/compose/docker-compose',
      run: answers({
        '/opt/compose/docker-compose': 'Docker Compose version v2.30.1',
        'docker compose': 'Docker Compose version v2.1.0',
      }),
    });
    expect(r).toMatchObject({ source: 'settings', version: '2.30.1' });
  });

  it("looks first for the binary in the packaged app's resources", async () => {
    const res = mkdtempSync(join(tmpdir(), 'wharf-res-'));
    mkdirSync(join(res, 'compose'));
    const shipped = join(res, 'compose', 'docker-compose');
    writeFileSync(shipped, '');
    const r = await findCompose({
      platform: 'linux',
      resourcesDir: res,
      run: answers({ [shipped]: 'Docker Compose version v2.29.7', 'docker compose': 'Docker Compose version v2.1.0' }),
    });
    expect(r).toMatchObject({ source: 'resources', command: [shipped], flavor: 'standalone', version: '2.29.7' });
  });

  it('says compose is missing, or too old, with a code', async () => {
    const none = await findCompose({ platform: 'linux', run: answers({}) });
    expect(none.found).toBe(false);
    expect(none.error?.code).toBe('COMPOSE_NOT_FOUND');
    expect(none.error?.detail).toContain('docker-compose');
    const old = await findCompose({
      platform: 'linux',
      run: answers({ 'docker-compose': 'docker-compose version 1.25.0, build x' }),
    });
    expect(old.found).toBe(false);
    expect(old.error?.code).toBe('COMPOSE_TOO_OLD');
  });
});
