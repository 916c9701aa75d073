import { describe, expect, it } from 'vitest';
import type { NetworkRow } from '../../../vm-backend/api/contract.networks';
import { filterNetworks, takenSubnets } from './network-items';

const row = (name: string, extra: Partial<NetworkRow> = {}): NetworkRow => ({
  id: `${name}-id`,
  name,
  driver: 'bridge',
  scope: 'local',
  subnets: [],
  internal: false,
  ipv6: false,
  builtin: false,
  created: '',
  containers: [],
  ...extra,
});

describe('filterNetworks', () => {
  it("puts Docker's own networks first, then by name; finds by container name and IP", () => {
    const rows = [
      row('zeta', { containers: [{ id: 'c', name: 'web', ipv4: '10.9.0.2' }] }),
      row('alpha', { subnets: [{ subnet: '10.8.0.0/24' }] }),
      row('bridge', { builtin: true }),
    ];
    expect(filterNetworks(rows, '').map((r) => r.name)).toEqual(['bridge', 'alpha', 'zeta']);
    expect(filterNetworks(rows, 'WEB').map((r) => r.name)).toEqual(['zeta']);
    expect(filterNetworks(rows, '10.9.0.2').map((r) => r.name)).toEqual(['zeta']);
    expect(filterNetworks(rows, '10.8').map((r) => r.name)).toEqual(['alpha']);
    expect(takenSubnets(rows)).toEqual([{ network: 'alpha', subnet: '10.8.0.0/24' }]);
  });
});
