// The backend the window talks to before the real one exists: the window opens at once while
// Wharf reaches its engine (or reconciles its VM). Calls wait for the real backend; listeners
// attach when it arrives. If it never does, every call answers the start-up error, coded, so the
// window says what went wrong instead of an error box and an exit.
import { WharfError } from '../../vm-backend/api/errors';
import type { Envelope } from '../../vm-backend/api/wire';
import type { Backend } from '../../vm-backend/wiring/backend-types';

function startFailed(err: unknown): Envelope<never> {
  const e =
    err instanceof WharfError
      ? err
      : new WharfError({
          code: 'ENGINE_UNREACHABLE',
          message: 'Wharf could not start its connection to Docker.',
          hint: 'Check the engine chosen in Engines… (or DOCKER_HOST), then start Wharf again.',
          detail: err instanceof Error ? err.message : String(err),
        });
  return { ok: false, error: e.toJSON() };
}

export function deferredBackend(ready: Promise<Backend>): Backend {
  let real: Backend | null = null;
  let failed: unknown = null;
  let closed = false;
  const pending = new Set<{ event: string; listener: (p: never) => void; off?: () => void }>();
  const settled = ready.then(
    (b) => {
      real = b;
      for (const p of pending) p.off = b.on(p.event as never, p.listener);
      return b;
    },
    (err: unknown) => {
      failed = err;
      return null;
    },
  );
  return {
    async invoke(name, input, client) {
      const b = real ?? (await settled);
      return b ? b.invoke(name, input, client) : startFailed(failed);
    },
    on(event, listener) {
      if (real) return real.on(event, listener);
      const entry: { event: string; listener: (p: never) => void; off?: () => void } = {
        event,
        listener: listener as (p: never) => void,
      };
      pending.add(entry);
      return () => {
        pending.delete(entry);
        entry.off?.();
      };
    },
    async openLogDownload(ticket) {
      const b = real ?? (await settled);
      if (!b?.openLogDownload) throw new Error('the backend did not start');
      return b.openLogDownload(ticket);
    },
    async close() {
      if (closed) return;
      closed = true;
      const b = await settled;
      await b?.close();
    },
  };
}
