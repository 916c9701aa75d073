// "Download full log" in the desktop app: a save dialog, then the log streamed from the engine
// straight to the chosen file (never held whole in memory). Web mode does the same over HTTP.
import { createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { isWharfErrorShape, WharfError } from '../../vm-backend/api/errors';
import type { Envelope } from '../../vm-backend/api/wire';
import type { ClientLink } from '../../vm-backend/api/client-link';
import type { Backend } from '../../vm-backend/wiring/backend-types';

export interface SaveLogsDeps {
  backend: Pick<Backend, 'invoke' | 'openLogDownload'>;
  /** Asks where to save; resolves with the path, or null when the user cancels. */
  chooseFile(defaultName: string): Promise<string | null>;
  createWriteStream?: typeof createWriteStream;
}

/** Saves the container's whole log; resolves false when cancelled. Errors carry the backend's shape. */
export async function saveLogs(
  deps: SaveLogsDeps,
  client: ClientLink | undefined,
  id: unknown,
  options: unknown,
): Promise<boolean> {
  const timestamps =
    typeof options === 'object' && options !== null && (options as { timestamps?: unknown }).timestamps === true;
  // The backend validates the id like any call, and issues a one-time ticket for it.
  const ticket = await deps.backend.invoke('logs:download-ticket', { id, timestamps }, client);
  if (!ticket.ok) throw Object.assign(new Error(ticket.error.message), { wharf: ticket.error });
  if (!deps.backend.openLogDownload) throw new Error('this backend cannot stream logs to a file');
  const log = await deps.backend.openLogDownload((ticket.value as { ticket: string }).ticket);
  const path = await deps.chooseFile(`${log.name.replace(/[^A-Za-z0-9_.-]/g, '_') || 'container'}.log`);
  if (!path) {
    log.stream.destroy();
    return false;
  }
  await pipeline(log.stream, (deps.createWriteStream ?? createWriteStream)(path, { mode: 0o600 }));
  return true;
}

/** The IPC answer: Electron passes only a rejection's message, so errors travel as an envelope. */
export async function saveLogsEnvelope(saving: Promise<boolean>): Promise<Envelope<boolean>> {
  try {
    return { ok: true, value: await saving };
  } catch (e) {
    const wharf = (e as { wharf?: unknown }).wharf;
    if (isWharfErrorShape(wharf)) return { ok: false, error: wharf };
    return {
      ok: false,
      error: new WharfError({
        code: 'LOG_SAVE_FAILED',
        message: 'Wharf could not save the log file.',
        hint: 'Check that the folder exists and you can write to it, or choose another place.',
        detail: (e as Error)?.message ?? String(e),
      }).toJSON(),
    };
  }
}
