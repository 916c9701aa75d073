// `docker run -it` attaches to the container before it starts it, so nothing the program prints
// first (a shell's or a REPL's prompt) is lost. Run does the same: the attach socket made before
// start is held here, its output kept (up to 1 MiB), until the terminal asks for it (exec:start,
// mode 'attach'), or closed after a minute when nobody does (the container runs on, as after a
// detach).
import type { Duplex } from 'node:stream';

const MAX_KEPT = 1024 * 1024;
const HOLD_MS = 60_000;

interface Held {
  socket: Duplex;
  chunks: Buffer[];
  size: number;
  ended: boolean;
  release(): void;
}

const held = new Map<string, Held>();

/** Keeps the attach socket of container `id` (its full id) and what it prints until taken. */
export function holdAttach(id: string, socket: Duplex, holdMs = HOLD_MS): void {
  dropAttach(id);
  const h: Held = { socket, chunks: [], size: 0, ended: false, release: () => undefined };
  const onData = (c: Buffer): void => {
    if (h.size + c.length > MAX_KEPT) return;
    h.chunks.push(c);
    h.size += c.length;
  };
  const onEnd = (): void => {
    h.ended = true;
  };
  const onError = (): void => undefined;
  socket.on('data', onData);
  socket.on('close', onEnd);
  socket.on('error', onError);
  const timer = setTimeout(() => dropAttach(id), holdMs);
  timer.unref?.();
  h.release = () => {
    clearTimeout(timer);
    socket.off('data', onData);
    socket.off('close', onEnd);
    socket.off('error', onError);
  };
  held.set(id, h);
}

/**
 * Hands the held socket over: what the program printed so far, and whether the socket already
 * closed (a program that exited at once). Call it and attach the new listeners in the same tick.
 */
export function takeAttach(id: string): { socket: Duplex; early: Buffer; ended: boolean } | null {
  const h = held.get(id);
  if (!h) return null;
  held.delete(id);
  h.release();
  return { socket: h.socket, early: Buffer.concat(h.chunks), ended: h.ended };
}

/** Closes a held socket nobody took (the container is not stopped). */
export function dropAttach(id: string): void {
  const h = held.get(id);
  if (!h) return;
  held.delete(id);
  h.release();
  h.socket.on('error', () => undefined);
  h.socket.destroy();
}
