import { describe, expect, it } from 'vitest';
import { parseIfaces } from './net-probe';
import { containerEnd, hostEnd } from './network-picture';

// Read on this machine: a container's side (its netns) and the host's, as the helper prints them.
const inside = parseIfaces('IF eth0 2744 2745 02:42:0a:e7:00:02 \nIF lo 1 1 00:00:00:00:00:00 \nnoise\n');
const host = parseIfaces(
  [
    'IF br-e5a3f5d633c7 2742 2742 02:42:aa:bb:cc:dd ',
    'IF docker0 321 321 02:42:11:22:33:44 ',
    'IF eth0 4 4 52:54:00:12:34:56 ',
    // Another namespace's eth0 may have index 2744 too: only the iflink decides.
    'IF veth0000001 2744 2760 aa:aa:aa:aa:aa:aa 321',
    'IF veth5b2539c 2745 2744 6e:1f:00:00:00:01 2742',
  ].join('\n'),
);

describe('network picture matching', () => {
  it("parses the helper's lines, skipping anything else", () => {
    expect(inside).toEqual([
      { name: 'eth0', index: 2744, link: 2745, mac: '02:42:0a:e7:00:02' },
      { name: 'lo', index: 1, link: 1, mac: '00:00:00:00:00:00' },
    ]);
    expect(host.find((h) => h.name === 'veth5b2539c')?.master).toBe('br-e5a3f5d633c7');
  });
  it("finds the host end by eth0's iflink, on this network's bridge only", () => {
    const eth = containerEnd(inside, '02:42:0A:E7:00:02');
    expect(eth?.name).toBe('eth0');
    expect(eth && hostEnd(host, eth, 'br-e5a3f5d633c7')?.name).toBe('veth5b2539c');
    expect(eth && hostEnd(host, eth, 'docker0')).toBeUndefined();
    expect(containerEnd([{ name: 'eth1', index: 9, link: 10, mac: 'x' }], 'y')).toBeUndefined();
  });
});
