import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  composeGlobalArgs,
  composeActionArgs,
  composeCommandText,
  composeDisplayPrefix,
} from '../../api/rules/compose-args';
import { bindSources, composeFileAt, defaultProjectName, projectVolumes } from './compose-open';

describe('opening a project', () => {
  it('finds the compose file in a folder, compose.yaml first', () => {
    const dir = mkdtempSync(join(tmpdir(), 'wharf-open-'));
    try {
      writeFileSync(join(dir, 'docker-compose.yml'), 'services: {}\n');
      expect(composeFileAt(dir)).toBe(join(dir, 'docker-compose.yml'));
      writeFileSync(join(dir, 'compose.yaml'), 'services: {}\n');
      expect(composeFileAt(dir)).toBe(join(dir, 'compose.yaml'));
      expect(composeFileAt(join(dir, 'docker-compose.yml'))).toBe(join(dir, 'docker-compose.yml'));
      expect(() => composeFileAt(join(dir, 'gone'))).toThrow(/No compose file/);
    } finally {
      rmSync(dir, { recursive: true });
    }
  });

  it('names a project as compose does', () => {
    expect(defaultProjectName('/home/me/My Shop.v2')).toBe('myshopv2');
    expect(defaultProjectName('/srv/_x')).toBe('p_x');
  });

  it('reads bind mounts from v1 and v2 config output', () => {
    expect(bindSources({ services: { a: { volumes: ['/src:/app:rw', 'data:/data'] } } })).toEqual(['/src']);
    expect(
      bindSources({
        services: {
          a: {
            volumes: [
              { type: 'bind', source: '/home/me/app', target: '/app' },
              { type: 'volume', source: 'd' },
            ],
          },
        },
      }),
    ).toEqual(['/home/me/app']);
  });

  it('names the volumes down -v removes, not external ones', () => {
    const config = {
      volumes: { data: { labels: {} }, named: { name: 'shared' }, ext: { external: true }, bare: null },
    };
    expect(projectVolumes(config, 'shop')).toEqual(['shared', 'shop_bare', 'shop_data']);
  });

  it('builds the same command it shows', () => {
    const p = { name: 'shop', configFiles: ['/p/compose.yaml'], envFile: '/p/.env', profiles: ['debug'] };
    expect(composeGlobalArgs(p)).toEqual([
      '-p',
      'shop',
      '-f',
      '/p/compose.yaml',
      '--env-file',
      '/p/.env',
      '--profile',
      'debug',
    ]);
    expect(composeActionArgs('down', { removeVolumes: true, service: 'web' })).toEqual(['down', '-v']);
    expect(composeActionArgs('up', { service: 'web' })).toEqual(['up', '-d', 'web']);
    expect(composeCommandText(['docker', 'compose'], { name: 'a b', configFiles: [] }, 'stop')).toBe(
      "docker compose -p 'a b' stop",
    );
    expect(composeDisplayPrefix(['/usr/bin/docker-compose'])).toEqual(['docker-compose']);
    expect(composeDisplayPrefix(['docker', 'compose'])).toEqual(['docker', 'compose']);
  });
});
