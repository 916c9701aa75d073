import { errorShape } from '../lib/error-shape';
import type { WharfErrorShape } from '../../vm-backend/api/types';
import { useStore } from '../store/store';

/** Runs a backend call for a click: records its docker command, returns the error if any. */
export async function runAction<T>(
  cli: string,
  run: () => Promise<T>,
): Promise<{ value?: T; error?: WharfErrorShape }> {
  useStore.getState().ranCli(cli);
  try {
    return { value: await run() };
  } catch (e) {
    return { error: errorShape(e) };
  }
}
