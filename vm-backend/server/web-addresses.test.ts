import { mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { noteWebAddress, runningWebAddresses } from './web-addresses';

describe('web addresses', () => {
  it('lists the running server, 0600, and forgets it once removed', () => {
    const dir = mkdtempSync(join(tmpdir(), 'wharf-web-addr-'));
    const remove = noteWebAddress(dir, 7000, 'http://127.0.0.1:7000/?token=abc');
    expect(runningWebAddresses(dir)).toEqual(['http://127.0.0.1:7000/?token=abc']);
    expect(statSync(join(dir, 'web', '7000.json')).mode & 0o777).toBe(0o600);
    remove();
    expect(runningWebAddresses(dir)).toEqual([]);
  });

  it('skips and removes notes of processes that are gone, and damaged notes', () => {
    const dir = mkdtempSync(join(tmpdir(), 'wharf-web-addr-'));
    noteWebAddress(dir, 7001, 'http://127.0.0.1:7001/?token=live');
    writeFileSync(join(dir, 'web', '7002.json'), JSON.stringify({ url: 'http://x/', pid: 2 ** 30, started: 'z' }));
    writeFileSync(join(dir, 'web', '7003.json'), '{not json');
    expect(runningWebAddresses(dir)).toEqual(['http://127.0.0.1:7001/?token=live']);
    expect(readdirSync(join(dir, 'web')).sort()).toEqual(['7001.json', '7003.json']);
  });
});
