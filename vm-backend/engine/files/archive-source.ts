// What a file's download reads from the engine: the archive's bytes with pause/resume, and the
// engine's refusal as dockerode reports it (statusCode, json), so fileError() reads both the same.
export interface ArchiveHandlers {
  /** The next bytes; false: pause until resume(). */
  data(b: Buffer): boolean;
  end(): void;
  error(e: Error): void;
}

export interface ArchiveSource {
  /** The engine's X-Docker-Container-Path-Stat header (base64 JSON of the path's stat), if sent. */
  stat?: string | undefined;
  /** Delivers what came with the headers, then the rest as it arrives. */
  start(h: ArchiveHandlers): void;
  pause(): void;
  resume(): void;
  destroy(): void;
  /** The reader is done with every piece handed out so far: their memory may take the next reads
   *  (the raw reader's slabs), instead of new memory the garbage collector must reclaim. */
  recycle?(): void;
}

/** An engine error as dockerode gives it (statusCode, json), so fileError() reads it the same. */
export function engineError(status: number, body: Buffer): Error {
  let json: unknown = body.toString('utf8');
  try {
    json = JSON.parse(json as string);
  } catch {}
  const message = typeof json === 'object' && json && 'message' in json ? String(json.message) : String(json);
  return Object.assign(new Error(`(HTTP code ${status}) - ${message}`), { statusCode: status, json });
}
