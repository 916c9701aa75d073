// Which ports are taken on the ENGINE's host, the last resort when neither this computer's /proc
// nor an SSH link can be read (host-listeners.ts; e.g. DOCKER_HOST=tcp://...): a short-lived
// helper container in the host's network namespace (`--network host`) prints /proc/net/*. It uses an image already on the engine (nothing is
// pulled) and runs `cat` only; the label wharf.probe keeps it out of the containers list.
import type Docker from 'dockerode';
import type { HostListener } from '../../api/rules/run-ports';
import { parseProcNet } from './run-proc-net';

export interface HostPorts {
  listeners: HostListener[];
  /** 'engine-host' when read there; 'unavailable' when no local image could run `cat`. */
  source: 'engine-host' | 'unavailable';
  via?: 'helper';
  /** The image the helper ran, for the report. */
  probeImage?: string;
  readAt: number;
}

const PROBE_LABEL = 'wharf.probe';
const PREFERRED = /(^|\/)(busybox|alpine|debian|ubuntu|wharf-fixture\/busybox)(:|$)/;
const FILES = ['/proc/net/tcp', '/proc/net/tcp6', '/proc/net/udp', '/proc/net/udp6'];

/** Local images worth trying, the likeliest to have `cat` first; `hint` (the image being run) last. */
async function probeCandidates(docker: Docker, hint?: string): Promise<string[]> {
  const images = await docker.listImages();
  const tags = images.flatMap((i) => (i.RepoTags ?? []).filter((t) => t !== '<none>:<none>'));
  const preferred = tags
    .filter((t) => PREFERRED.test(t))
    .sort((a, b) => Number(b.includes('busybox')) - Number(a.includes('busybox')));
  const rest = hint && tags.includes(hint) ? [hint] : [];
  return [...new Set([...preferred, ...rest])].slice(0, 4);
}

async function runCat(docker: Docker, image: string): Promise<string> {
  const c = await docker.createContainer({
    Image: image,
    Entrypoint: ['cat'],
    Cmd: FILES,
    Labels: { [PROBE_LABEL]: '1' },
    NetworkDisabled: false,
    HostConfig: { NetworkMode: 'host', AutoRemove: false, LogConfig: { Type: 'json-file', Config: {} } },
  });
  try {
    await c.start();
    await c.wait();
    const raw = (await c.logs({ stdout: true, stderr: false, follow: false })) as unknown as Buffer;
    return stdoutOf(Buffer.isBuffer(raw) ? raw : Buffer.from(String(raw)));
  } finally {
    await c.remove({ force: true }).catch(() => undefined);
  }
}

/** Non-TTY logs come framed: [stream, 0, 0, 0, size(4, big-endian)] + payload. Keep stdout. */
export function stdoutOf(raw: Buffer): string {
  const framed = raw.length >= 8 && raw[0]! <= 2 && raw[1] === 0 && raw[2] === 0 && raw[3] === 0;
  if (!framed) return raw.toString('utf8');
  const parts: Buffer[] = [];
  let i = 0;
  while (i + 8 <= raw.length) {
    const size = raw.readUInt32BE(i + 4);
    if (raw[i] === 1) parts.push(raw.subarray(i + 8, i + 8 + size));
    i += 8 + size;
  }
  return Buffer.concat(parts).toString('utf8');
}

/** A probe left behind by a Wharf that stopped mid-probe is removed by the next one. */
async function removeStaleProbes(docker: Docker): Promise<void> {
  const stale = await docker.listContainers({
    all: true,
    filters: { label: [PROBE_LABEL], status: ['created', 'exited', 'dead'] },
  });
  const old = stale.filter((c) => Date.now() / 1000 - (c.Created ?? 0) > 60);
  await Promise.all(
    old.map((c) =>
      docker
        .getContainer(c.Id)
        .remove({ force: true })
        .catch(() => undefined),
    ),
  );
}

/** Reads the engine host's listening sockets; never throws (falls back to 'unavailable'). */
export async function readHostPorts(
  docker: Docker,
  hint?: string,
  remembered?: { image?: string },
): Promise<HostPorts> {
  const tried: string[] = [];
  try {
    await removeStaleProbes(docker);
    const candidates = remembered?.image ? [remembered.image] : await probeCandidates(docker, hint);
    for (const image of candidates) {
      tried.push(image);
      try {
        const text = await runCat(docker, image);
        if (!text.includes('local_address')) continue;
        if (remembered) remembered.image = image;
        return {
          listeners: parseProcNet(text),
          source: 'engine-host',
          via: 'helper',
          probeImage: image,
          readAt: Date.now(),
        };
      } catch {
        // This image has no `cat` (or cannot run here): try the next one.
      }
    }
  } catch {
    // The engine went away between calls: report unavailable rather than fail the dialog.
  }
  if (remembered) delete remembered.image;
  return { listeners: [], source: 'unavailable', readAt: Date.now() };
}
