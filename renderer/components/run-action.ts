import { WharfError } from '../../vm-backend/api/errors';
import type { WharfErrorShape } from '../../vm-backend/api/types';
import { useStore } from '../store/store';

/** Runs a backend call for a click: records its docker command, returns the error if any. */
export async function runAction<T>(cli: string, run: () => Promise<T>): Promise<{ value?: T; error?: WharfErrorShape }> {
  useStore.getState().ranCli(cli);
  try {
    return { value: await run() };
  } catch (e) {
    if (e instanceof WharfError) return { error: e.toJSON() };
    return { error: { code: 'UNEXPECTED', message: 'Something went wrong.', hint: 'Try again.', detail: String(e) } };
  }
}
