// The networks:* calls: list, create, remove, prune, connect, disconnect, and the picture of a
// bridge network (its bridge, each container's eth0 and the veth pair between them).
import { z } from 'zod';
import { call } from './define';
import { containerRef } from './ids';
import type { Listing } from './types';

/** A network's id or name: what the engine accepts in /networks/{id}. */
export const networkRef = z
  .string()
  .min(1)
  .max(128)
  .regex(/^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/, 'not a valid network id or name');

/** Names `docker network create` takes (the CLI's own rule is looser; this one is safe in a path). */
const networkName = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/, 'letters, digits, _ . - (not first)');

const address = z.string().trim().max(64).optional();

/** `key=value` labels (`--label`), and a prune limited to one (`--filter label=key=value`). */
const labelKey = z
  .string()
  .min(1)
  .max(128)
  .regex(/^[a-zA-Z0-9][a-zA-Z0-9_.\-/]*$/, 'not a label key');
const labels = z.record(labelKey, z.string().max(256)).optional();
const labelFilter = z
  .string()
  .max(400)
  .regex(/^[a-zA-Z0-9][a-zA-Z0-9_.\-/]*(=[^\s]*)?$/, 'key or key=value')
  .optional();

export interface NetworkEndpoint {
  /** The container's id and name (no leading slash). */
  id: string;
  name: string;
  ipv4?: string;
  ipv6?: string;
  mac?: string;
}

export interface NetworkRow {
  id: string;
  name: string;
  driver: string;
  scope: string;
  subnets: { subnet: string; gateway?: string }[];
  internal: boolean;
  ipv6: boolean;
  /** bridge, host and none: made by the engine, never removed. */
  builtin: boolean;
  /** The Linux bridge on the engine's host: docker0 for the default bridge, br-<12 hex> for others. */
  bridge?: string;
  created: string;
  containers: NetworkEndpoint[];
}

export interface PictureEnd {
  container: string;
  name: string;
  ipv4?: string;
  mac?: string;
  /** The interface inside the container (eth0) and its index there. */
  ifname?: string;
  /** The host-side end of the veth pair, matched by the container's iflink; absent when unknown. */
  hostVeth?: string;
  /** Why this container's side could not be read, if it could not. */
  problem?: string;
}

export interface NetworkPicture {
  network: string;
  name: string;
  bridge: string;
  /** Whether the bridge was seen on the engine's host (with its index). */
  bridgeSeen: boolean;
  gateway?: string;
  subnet?: string;
  ends: PictureEnd[];
  /** How the host was read: a helper container on the host network, from an image already present. */
  via: 'helper' | 'unavailable';
  probeImage?: string;
  readAt: number;
}

export const networkCalls = {
  'networks:list': call<z.ZodObject<{}>, Listing<NetworkRow>>(z.object({}).strict()),
  'networks:create': call<
    z.ZodObject<{
      name: typeof networkName;
      subnet: typeof address;
      gateway: typeof address;
      internal: z.ZodBoolean;
      labels: typeof labels;
    }>,
    { id: string; name: string }
  >(z.object({ name: networkName, subnet: address, gateway: address, internal: z.boolean(), labels }).strict()),
  'networks:remove': call<z.ZodObject<{ network: typeof networkRef }>, { removed: string }>(
    z.object({ network: networkRef }).strict(),
  ),
  'networks:prune': call<z.ZodObject<{ label: typeof labelFilter }>, { deleted: string[] }>(
    z.object({ label: labelFilter }).strict(),
  ),
  'networks:connect': call<
    z.ZodObject<{
      network: typeof networkRef;
      container: typeof containerRef;
      alias: z.ZodOptional<typeof networkName>;
    }>,
    { ok: true }
  >(z.object({ network: networkRef, container: containerRef, alias: networkName.optional() }).strict()),
  'networks:disconnect': call<
    z.ZodObject<{ network: typeof networkRef; container: typeof containerRef; force: z.ZodBoolean }>,
    { ok: true }
  >(z.object({ network: networkRef, container: containerRef, force: z.boolean() }).strict()),
  'networks:picture': call<z.ZodObject<{ network: typeof networkRef }>, NetworkPicture>(
    z.object({ network: networkRef }).strict(),
  ),
};
