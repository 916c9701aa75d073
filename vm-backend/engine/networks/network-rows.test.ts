import { describe, expect, it } from 'vitest';
import { bridgeName, toNetworkRow } from './network-rows';

describe('toNetworkRow', () => {
  it('names the bridge: docker0 for the default, br-<12> for others, the option when set', () => {
    expect(bridgeName({ Id: 'abc', Name: 'bridge', Driver: 'bridge' })).toBe('docker0');
    expect(bridgeName({ Id: '0123456789abcdef', Name: 'lab', Driver: 'bridge' })).toBe('br-0123456789ab');
    expect(
      bridgeName({ Id: 'x', Name: 'lab', Driver: 'bridge', Options: { 'com.docker.network.bridge.name': 'wharf0' } }),
    ).toBe('wharf0');
    expect(bridgeName({ Id: 'x', Name: 'host', Driver: 'host' })).toBeUndefined();
  });
  it('keeps each endpoint address without its prefix length, sorted by name', () => {
    const row = toNetworkRow({
      Id: 'n1',
      Name: 'lab',
      Driver: 'bridge',
      IPAM: { Config: [{ Subnet: '10.9.0.0/24', Gateway: '10.9.0.1' }] },
      Containers: {
        c2: { Name: 'web', IPv4Address: '10.9.0.3/24', MacAddress: '02:42:0a:09:00:03', IPv6Address: '' },
        c1: { Name: 'db', IPv4Address: '10.9.0.2/24' },
      },
    });
    expect(row.subnets).toEqual([{ subnet: '10.9.0.0/24', gateway: '10.9.0.1' }]);
    expect(row.containers).toEqual([
      { id: 'c1', name: 'db', ipv4: '10.9.0.2' },
      { id: 'c2', name: 'web', ipv4: '10.9.0.3', mac: '02:42:0a:09:00:03' },
    ]);
    expect(row.builtin).toBe(false);
    expect(row.bridge).toBe('br-n1');
  });
});
