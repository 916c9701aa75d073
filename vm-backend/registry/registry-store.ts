// The registries the user added, with their credentials, in one file only the user can read
// (0600, folder 0700). The desktop app seals each secret with the OS keychain (Electron's
// safeStorage, given as a SecretCodec); web mode keeps it in the 0600 file as it is.
import { homedir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { WharfError } from '../api/errors';
import { readSettingsFile, writeSettingsFile } from '../connection/settings-file';
import type { RegistryInfo, RegistryInput } from '../api/contract.registries';
import { registryHost } from '../api/contract.registries';
import type { RegistryTarget } from './v2-client';

export const MAX_REGISTRIES = 50;

// The file's shape: an entry without a valid host makes the whole file set aside (never lost at the
// next save); a secret this keychain cannot open is dropped (the user enters it again).
const fileSchema = z.object({ registries: z.array(z.object({ host: registryHost }).passthrough()) });

export function configDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.WHARF_CONFIG_DIR) return env.WHARF_CONFIG_DIR;
  return join(env.XDG_CONFIG_HOME || join(homedir(), '.config'), 'wharf');
}

/** Seals secrets at rest (the OS keychain); `kind` names it in the file so another can refuse it. */
export interface SecretCodec {
  readonly kind: string;
  seal(plain: string): string;
  open(sealed: string): string;
}

export class RegistryStore {
  private cache: RegistryTarget[] | null = null;
  private writing: Promise<void> = Promise.resolve();

  constructor(
    readonly file: string = join(configDir(), 'registries.json'),
    private readonly codec?: SecretCodec,
  ) {}

  /** The secret of a stored entry: plain, or sealed by our codec; unreadable ones are dropped. */
  private secretOf(o: Record<string, unknown>): string | undefined {
    if (typeof o.secret === 'string' && o.secret) return o.secret;
    const sealed = o.sealed as { kind?: unknown; data?: unknown } | undefined;
    if (!sealed || !this.codec || sealed.kind !== this.codec.kind || typeof sealed.data !== 'string') return undefined;
    try {
      return this.codec.open(sealed.data) || undefined;
    } catch {
      return undefined; // another machine's or user's keychain: the user enters it again
    }
  }

  private stored(r: RegistryTarget): Record<string, unknown> {
    const { secret, ...rest } = r;
    if (!secret) return rest;
    return this.codec
      ? { ...rest, sealed: { kind: this.codec.kind, data: this.codec.seal(secret) } }
      : { ...rest, secret };
  }

  async all(): Promise<RegistryTarget[]> {
    if (this.cache) return this.cache;
    const items = readSettingsFile(this.file, fileSchema, { registries: [] }).registries;
    const list = items.map((o: Record<string, unknown> & { host: string }): RegistryTarget => {
      const secret = this.secretOf(o);
      return {
        host: o.host,
        ...(typeof o.username === 'string' && o.username ? { username: o.username } : {}),
        ...(secret ? { secret } : {}),
      };
    });
    this.cache = list.slice(0, MAX_REGISTRIES);
    return this.cache;
  }

  async get(host: string): Promise<RegistryTarget | undefined> {
    return (await this.all()).find((r) => r.host === host);
  }

  async list(): Promise<RegistryInfo[]> {
    return (await this.all()).map(info);
  }

  /** Adds or replaces (same host). Keeps the stored secret when the new input has none for the same user. */
  async put(input: RegistryInput): Promise<RegistryInfo> {
    const list = [...(await this.all())];
    const i = list.findIndex((r) => r.host === input.host);
    const before = i >= 0 ? list[i] : undefined;
    const secret = input.secret || (before && before.username === input.username ? before.secret : undefined);
    const entry: RegistryTarget = {
      host: input.host,
      ...(input.username ? { username: input.username } : {}),
      ...(secret ? { secret } : {}),
    };
    if (i >= 0) list[i] = entry;
    else if (list.length >= MAX_REGISTRIES)
      // A WharfError of its own: a plain Error would reach the engine classifier (a Docker error).
      throw new WharfError({
        code: 'REGISTRY_LIMIT',
        message: `Wharf keeps at most ${MAX_REGISTRIES} registries.`,
        hint: 'Remove one you no longer use, then add this one.',
        detail: `${list.length} registries saved; not added: ${input.host}`,
        params: { max: MAX_REGISTRIES },
      });
    else list.push(entry);
    await this.save(list);
    return info(entry);
  }

  async remove(host: string): Promise<void> {
    await this.save((await this.all()).filter((r) => r.host !== host));
  }

  /** Writes, then (only once it is on disk) makes `list` the one the app sees. */
  private async save(list: RegistryTarget[]): Promise<void> {
    const write = async (): Promise<void> => {
      await writeSettingsFile(this.file, { registries: list.map((r) => this.stored(r)) }, { mode: 0o600 });
      this.cache = list;
    };
    const done = this.writing.then(write, write);
    this.writing = done.catch(() => undefined);
    await done;
  }
}

function info(r: RegistryTarget): RegistryInfo {
  return { host: r.host, ...(r.username ? { username: r.username } : {}), hasSecret: Boolean(r.secret) };
}
