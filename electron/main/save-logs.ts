// "Download full log" in the desktop app: a save dialog, then the log streamed from the engine
// straight to the chosen file (never held whole in memory). Web mode does the same over HTTP.
import { createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import type { Backend, ClientLink } from '../../vm-backend/backend-types';

export interface SaveLogsDeps {
  backend: Pick<Backend, 'invoke' | 'openLogDownload'>;
  /** Asks where to save; resolves with the path, or null when the user cancels. */
  chooseFile(defaultName: string): Promise<string | null>;
  createWriteStream?: typeof createWriteStream;
}

/** Saves the container's whole log; resolves false when cancelled. Errors carry the backend's shape. */
export async function saveLogs(deps: SaveLogsDeps, client: ClientLink | undefined, id: unknown, options: unknown): Promise<boolean> {
  const timestamps = typeof options === 'object' && options !== null && (options as { timestamps?: unknown }).timestamps === true;
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
