import { describe, expect, it } from 'vitest';
import { checkSubnet, parseCidr, parseIpv6 } from './network-subnets';

describe('network subnets', () => {
  it('parses IPv4 and IPv6 CIDRs and refuses host bits, bad octets and prefixes', () => {
    expect(parseCidr('10.1.0.0/24')?.prefix).toBe(24);
    expect(parseCidr('fd00:1::/64')?.family).toBe(6);
    for (const bad of ['10.1.0.1/24', '10.1.0.0', '10.1.0.0/33', '256.1.0.0/16', '10.01.0.0/16', 'abc', '::g/64'])
      expect(parseCidr(bad), bad).toBeNull();
    expect(parseIpv6('::1')).toBe(1n);
    expect(parseIpv6('1:2:3:4:5:6:7:8:9')).toBeNull();
  });
  it('names the first problem: malformed, gateway outside, overlap', () => {
    expect(checkSubnet({ subnet: '10.1.0.0/24', gateway: '10.1.0.1' })).toBeNull();
    expect(checkSubnet({ subnet: '10.1.0/24' })?.kind).toBe('subnet-malformed');
    expect(checkSubnet({ subnet: '10.1.0.0/24', gateway: '10.2.0.1' })?.kind).toBe('gateway-outside');
    expect(checkSubnet({ subnet: '10.1.0.0/24', gateway: '10.1.0.0' })?.kind).toBe('gateway-is-network');
    expect(checkSubnet({ subnet: '10.1.0.0/24', gateway: '10.1.0.x' })?.kind).toBe('gateway-malformed');
    expect(checkSubnet({ gateway: '10.1.0.1' })?.kind).toBe('gateway-without-subnet');
    expect(checkSubnet({ subnet: '10.1.0.0/16' }, [{ network: 'a', subnet: '10.1.5.0/24' }])).toEqual({
      kind: 'subnet-overlap',
      subnet: '10.1.0.0/16',
      network: 'a',
      other: '10.1.5.0/24',
    });
    expect(checkSubnet({ subnet: '10.2.0.0/16' }, [{ network: 'a', subnet: '10.1.0.0/16' }])).toBeNull();
    expect(checkSubnet({ subnet: 'fd00::/64' }, [{ network: 'a', subnet: '10.0.0.0/8' }])).toBeNull();
  });
});
