// The volumes:* calls. A volume's row carries the containers that use it (running or not); its
// size comes separately (volumes:sizes), so a slow disk-usage call never holds the list back.
import { z } from 'zod';
import { call } from './define';
import type { Listing } from './types';

/** The engine's volume-name rule (daemon/names.go), as for containers. */
export const volumeName = z
  .string()
  .min(2)
  .max(255)
  .regex(/^[a-zA-Z0-9][a-zA-Z0-9_.-]+$/, 'not a valid volume name');

const labelKey = z
  .string()
  .min(1)
  .max(255)
  .regex(/^[^\s=\0]+$/, 'not a valid label');
const optValue = z
  .string()
  .max(1024)
  .regex(/^[^\0\n\r]*$/, 'no line breaks');

export interface VolumeUser {
  id: string;
  name: string;
  running: boolean;
}

export interface VolumeRow {
  /** The volume's name (also its id). */
  id: string;
  name: string;
  driver: string;
  mountpoint: string;
  /** Unix time in milliseconds (0 when the engine did not say). */
  created: number;
  labels: Record<string, string>;
  /** Made by the engine for a container's VOLUME or a bare `-v /path` (a 64-hex name). */
  anonymous: boolean;
  users: VolumeUser[];
}

export interface VolumeSizes {
  /** Bytes per volume name; -1 where the engine does not measure (another driver). */
  sizes: Record<string, number>;
  /** When the engine measured (ms). */
  at: number;
}

export interface VolumePrunePreview {
  volumes: { name: string; size: number }[];
  /** What the engine will free, when it has measured (bytes). */
  bytes: number;
}

export const volumeCalls = {
  'volumes:list': call<z.ZodObject<{}>, Listing<VolumeRow>>(z.object({}).strict()),
  'volumes:sizes': call<z.ZodObject<{}>, VolumeSizes>(z.object({}).strict()),
  'volumes:create': call<
    z.ZodObject<{
      name: z.ZodOptional<typeof volumeName>;
      driver: z.ZodOptional<z.ZodString>;
      driverOpts: z.ZodOptional<z.ZodRecord<typeof labelKey, typeof optValue>>;
      labels: z.ZodOptional<z.ZodRecord<typeof labelKey, typeof optValue>>;
    }>,
    VolumeRow
  >(
    z
      .object({
        name: volumeName.optional(),
        driver: z
          .string()
          .min(1)
          .max(128)
          .regex(/^[a-zA-Z0-9][a-zA-Z0-9_.:/-]*$/, 'not a valid driver name')
          .optional(),
        driverOpts: z.record(labelKey, optValue).optional(),
        labels: z.record(labelKey, optValue).optional(),
      })
      .strict(),
  ),
  'volumes:remove': call<z.ZodObject<{ name: typeof volumeName }>, { removed: string }>(
    z.object({ name: volumeName }).strict(),
  ),
  'volumes:prune-preview': call<z.ZodObject<{}>, VolumePrunePreview>(z.object({}).strict()),
  'volumes:prune': call<z.ZodObject<{}>, { deleted: string[]; spaceReclaimed: number }>(z.object({}).strict()),
};
