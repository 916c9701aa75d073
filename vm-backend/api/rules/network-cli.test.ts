import { describe, expect, it } from 'vitest';
import { networkCli } from './network-cli';

describe('networkCli', () => {
  it('spells each action as docker network ...', () => {
    expect(networkCli.create({ name: 'lab', subnet: '10.9.0.0/24', gateway: '10.9.0.1', internal: true })).toBe(
      'docker network create --subnet 10.9.0.0/24 --gateway 10.9.0.1 --internal lab',
    );
    expect(networkCli.create({ name: 'lab', subnet: ' ', internal: false })).toBe('docker network create lab');
    expect(networkCli.connect('lab', 'web', 'db')).toBe('docker network connect --alias db lab web');
    expect(networkCli.disconnect('lab', 'web', true)).toBe('docker network disconnect -f lab web');
    expect(networkCli.remove("it's")).toBe(`docker network rm 'it'\\''s'`);
    expect(networkCli.prune()).toBe('docker network prune -f');
    expect(networkCli.list()).toBe('docker network ls');
  });
});
