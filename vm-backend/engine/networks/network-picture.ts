// The picture of a bridge network from live data: the bridge on the engine's host (docker0 or
// br-<12>), each attached container's eth0 with its IP, and the veth pair between them. The host
// end is found by the container's eth0 peer index (iflink) among the host's interfaces.
import type Docker from 'dockerode';
import type { NetworkPicture, PictureEnd } from '../../api/contract.networks';
import type { EngineSession } from '../session';
import { helperImages, type NetIface, readIfaces } from './net-probe';
import { networkError } from './network-errors';
import { type NetworkInspect, toNetworkRow } from './network-rows';

const IN_FLIGHT = 4;

async function mapLimited<T, R>(items: T[], limit: number, f: (t: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      out[i] = await f(items[i] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

/** The container's end on this network: the interface with the endpoint's MAC, else eth0. */
export function containerEnd(ifaces: NetIface[], mac?: string): NetIface | undefined {
  return ifaces.find((i) => mac && i.mac.toLowerCase() === mac.toLowerCase()) ?? ifaces.find((i) => i.name === 'eth0');
}

/** The host's end of the pair: the interface whose index is the container end's iflink. */
export function hostEnd(host: NetIface[], end: NetIface, bridge: string): NetIface | undefined {
  const found = host.find((h) => h.index === end.link);
  return found && (!found.master || found.master === bridge) ? found : undefined;
}

async function firstWorking(docker: Docker, images: string[]): Promise<{ image: string; host: NetIface[] } | null> {
  for (const image of images) {
    try {
      const host = await readIfaces(docker, image, 'host');
      if (host.length) return { image, host };
    } catch {
      // This image cannot run the helper: try the next one.
    }
  }
  return null;
}

export async function networkPicture(session: EngineSession, ref: string): Promise<NetworkPicture> {
  const docker = session.client();
  let row: ReturnType<typeof toNetworkRow>;
  try {
    row = toNetworkRow((await docker.getNetwork(ref).inspect()) as NetworkInspect);
  } catch (err) {
    throw networkError(err, { subject: ref, endpoint: session.conn.endpoint });
  }
  const first = row.subnets[0];
  const base = {
    network: row.id,
    name: row.name,
    bridge: row.bridge ?? '',
    ...(first?.gateway ? { gateway: first.gateway } : {}),
    ...(first?.subnet ? { subnet: first.subnet } : {}),
    readAt: Date.now(),
  };
  const plain: PictureEnd[] = row.containers.map((c) => ({
    container: c.id,
    name: c.name,
    ...(c.ipv4 ? { ipv4: c.ipv4 } : {}),
    ...(c.mac ? { mac: c.mac } : {}),
  }));
  const probe = row.bridge ? await firstWorking(docker, await helperImages(docker).catch(() => [])) : null;
  if (!probe) return { ...base, bridgeSeen: false, ends: plain, via: 'unavailable' };
  const ends = await mapLimited(plain, IN_FLIGHT, async (end): Promise<PictureEnd> => {
    try {
      const inside = await readIfaces(docker, probe.image, `container:${end.container}`);
      const eth = containerEnd(inside, end.mac);
      if (!eth) return { ...end, problem: 'no-interface' };
      const veth = hostEnd(probe.host, eth, base.bridge);
      return { ...end, ifname: eth.name, ...(veth ? { hostVeth: veth.name } : { problem: 'no-peer' }) };
    } catch {
      return { ...end, problem: 'unreadable' };
    }
  });
  return {
    ...base,
    bridgeSeen: probe.host.some((h) => h.name === base.bridge),
    ends,
    via: 'helper',
    probeImage: probe.image,
  };
}
