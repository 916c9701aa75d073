import { z } from 'zod';
import { call } from './define';

/** host[:port] (a name, IPv4 or [IPv6]); no scheme, no path. */
export const registryHost = z
  .string()
  .min(1)
  .max(260)
  .regex(
    /^(localhost|[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*|\[[0-9a-fA-F:.]+\])(:[0-9]{1,5})?$/,
    'host or host:port',
  );

export const registryInput = z
  .object({
    host: registryHost,
    username: z
      .string()
      .max(256)
      .regex(/^[^\s:]*$/)
      .optional(),
    /** Password or access token; never sent back to the window. */
    secret: z.string().max(4096).optional(),
  })
  .strict();
export type RegistryInput = z.infer<typeof registryInput>;

export interface RegistryInfo {
  host: string;
  username?: string;
  hasSecret: boolean;
}

export interface RegistryTest {
  /** The registry lists its repositories (/v2/_catalog), so search can find them. */
  catalog: boolean;
  repositories: number;
}

export const registryCalls = {
  'registries:list': call<z.ZodObject<{}>, RegistryInfo[]>(z.object({}).strict()),
  'registries:add': call<typeof registryInput, RegistryInfo>(registryInput),
  'registries:remove': call<z.ZodObject<{ host: typeof registryHost }>, null>(
    z.object({ host: registryHost }).strict(),
  ),
  /** Checks a registry (saved or about to be): /v2/ with the credentials, then the catalog. */
  'registries:test': call<typeof registryInput, RegistryTest>(registryInput),
};
