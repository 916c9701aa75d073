import { describe, expect, it } from 'vitest';
import { containerIps } from './container-ips';

describe('containerIps', () => {
  it("names each network with the container's addresses on it", () => {
    const raw = {
      NetworkSettings: {
        Networks: {
          bridge: { IPAddress: '172.17.0.3', GlobalIPv6Address: '' },
          lab: { IPAddress: '10.9.0.2', GlobalIPv6Address: 'fd00::2' },
          none: { IPAddress: '' },
        },
      },
    };
    expect(containerIps(raw)).toEqual(['bridge 172.17.0.3', 'lab 10.9.0.2 fd00::2', 'none']);
    expect(containerIps(null)).toEqual([]);
    expect(containerIps({ NetworkSettings: {} })).toEqual([]);
  });
});
