// Reads /sys/class/net in a network namespace of the engine's host, the same way on every engine
// (local socket, SSH, the VM): a short-lived helper container, from an image already present
// (nothing is pulled), either on the host network or in a container's own (`container:<id>`).
// sysfs mounted there lists that namespace's interfaces. Labelled wharf.probe: never a row.
import type Docker from 'dockerode';
import { stdoutOf } from '../run/run-host-ports';

export interface NetIface {
  name: string;
  index: number;
  /** The peer's index for a veth (the other end, in the other namespace); its own index otherwise. */
  link: number;
  mac: string;
  /** The bridge it is enslaved to, if any. */
  master?: string;
}

// Only `sh` and `cat` (the smallest busybox images have no readlink or basename): a bridge port's
// `master` is a link to its bridge's folder, so its ifindex names the bridge.
const SCRIPT =
  'for f in /sys/class/net/*; do ' +
  'echo "IF ${f##*/} $(cat $f/ifindex) $(cat $f/iflink) $(cat $f/address) $(cat $f/master/ifindex 2>/dev/null)"; done';

const PREFERRED = /(^|\/)(busybox|alpine|debian|ubuntu)(:|$)/;

/** Local images likeliest to have `sh`, `cat` and `readlink`: busybox first. */
export async function helperImages(docker: Docker): Promise<string[]> {
  const images = await docker.listImages();
  const tags = images.flatMap((i) => (i.RepoTags ?? []).filter((t) => t !== '<none>:<none>'));
  return tags
    .filter((t) => PREFERRED.test(t))
    .sort((a, b) => Number(b.includes('busybox')) - Number(a.includes('busybox')))
    .slice(0, 3);
}

export function parseIfaces(text: string): NetIface[] {
  const out: (NetIface & { masterIndex?: number })[] = [];
  for (const line of text.split('\n')) {
    const [tag, name, index, link, mac, master] = line.trim().split(/\s+/);
    if (tag !== 'IF' || !name || !index || !link) continue;
    const i = Number(index);
    const l = Number(link);
    if (!Number.isInteger(i) || !Number.isInteger(l)) continue;
    const m = Number(master);
    out.push({ name, index: i, link: l, mac: mac ?? '', ...(master && Number.isInteger(m) ? { masterIndex: m } : {}) });
  }
  const byIndex = new Map(out.map((x) => [x.index, x.name]));
  return out.map(({ masterIndex, ...x }) => {
    const master = masterIndex === undefined ? undefined : byIndex.get(masterIndex);
    return master ? { ...x, master } : x;
  });
}

/** The interfaces of one namespace: 'host', or `container:<id>`. Throws if the helper cannot run. */
export async function readIfaces(docker: Docker, image: string, networkMode: string): Promise<NetIface[]> {
  const c = await docker.createContainer({
    Image: image,
    Entrypoint: ['sh', '-c', SCRIPT],
    Cmd: [],
    Labels: { 'wharf.probe': '1' },
    HostConfig: { NetworkMode: networkMode, AutoRemove: false, LogConfig: { Type: 'json-file', Config: {} } },
  });
  try {
    await c.start();
    await c.wait();
    const raw = (await c.logs({ stdout: true, stderr: false, follow: false })) as unknown as Buffer;
    return parseIfaces(stdoutOf(Buffer.isBuffer(raw) ? raw : Buffer.from(String(raw))));
  } finally {
    await c.remove({ force: true }).catch(() => undefined);
  }
}
