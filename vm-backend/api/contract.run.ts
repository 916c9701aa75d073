// Calls of the run dialog. The form crosses the boundary as typed strings (bounded here) and the
// backend validates it again with validateRunForm before it creates anything.
import { z } from 'zod';
import { call } from './define';
import { containerRef, imageRef } from './ids';
import type { RunForm } from './rules/run-form';
import { limitsSchema } from './contract.stats';
import type { HostListener } from './rules/run-ports';

const text = (max: number) => z.string().max(max);

export const runFormSchema = z
  .object({
    image: text(512),
    name: text(128),
    command: text(8192),
    detached: z.boolean(),
    interactive: z.boolean(),
    restart: z.enum(['no', 'always', 'unless-stopped', 'on-failure']),
    restartMax: text(8),
    autoRemove: z.boolean(),
    env: z.array(z.object({ key: text(1024), value: text(32768) }).strict()).max(200),
    volumes: z
      .array(
        z
          .object({ kind: z.enum(['volume', 'bind']), source: text(4096), target: text(4096), readOnly: z.boolean() })
          .strict(),
      )
      .max(50),
    network: text(128),
    ports: z
      .array(
        z
          .object({ hostIp: text(64), hostPort: text(16), containerPort: text(16), protocol: z.enum(['tcp', 'udp']) })
          .strict(),
      )
      .max(100),
    limits: limitsSchema.optional(),
  })
  .strict();

export interface ImageRunInfo {
  present: boolean;
  /** From the image's ExposedPorts, e.g. [{port: 80, protocol: 'tcp'}]. */
  exposedPorts: { port: number; protocol: 'tcp' | 'udp' }[];
  /** The image's own command and entrypoint, shown as the placeholder of the override. */
  cmd: string;
}

export interface HostPortsInfo {
  listeners: HostListener[];
  source: 'engine-host' | 'unavailable';
  /** How the engine's host was read: this computer's /proc/net (the local socket), a command over
   *  the SSH link (SSH engines, the VM), or a helper container (`probeImage`) as a last resort. */
  via?: 'this-computer' | 'ssh' | 'helper';
  probeImage?: string;
  /** Remote engines: whether this computer's ports (where the forwards listen) were read too. */
  hereChecked?: boolean;
  readAt: number;
}

export interface RunResult {
  id: string;
  name: string;
  warnings: string[];
}

const runInput = z.object({ form: runFormSchema, keepOnFailure: z.boolean() }).strict();
const imageInput = z.object({ image: imageRef }).strict();
const hostPortsInput = z
  .object({ image: imageRef.optional(), maxAgeMs: z.number().int().min(0).max(600_000).optional() })
  .strict();
const fromContainerInput = z.object({ id: containerRef }).strict();
const empty = z.object({}).strict();

export const runCalls = {
  /** What the dialog pre-fills from: is the image here, which ports it exposes. */
  'run:image-info': call<typeof imageInput, ImageRunInfo>(imageInput),
  /** Sockets listening on the engine's host (read there by a helper container). */
  'run:host-ports': call<typeof hostPortsInput, HostPortsInfo>(hostPortsInput),
  /** Create + start; a created container that fails to start is removed unless kept. */
  'run:create': call<typeof runInput, RunResult>(runInput),
  /** The form a container was made from ("Run another"), with its name bumped. */
  'run:from-container': call<typeof fromContainerInput, RunForm>(fromContainerInput),
  'run:networks': call<typeof empty, string[]>(empty),
};
