// The user's progress through the lessons, in learn-progress.json (Wharf's config folder, so per
// user and whatever engine is active), read and written through connection/settings-file.ts:
// atomic writes, a broken file set aside and named, never overwritten.
import { join } from 'node:path';
import { type LearnProgress, learnProgress } from '../../api/contract.learn';
import { readSettingsFile, writeSettingsFile } from '../../connection/settings-file';
import { configDir } from '../../registry/registry-store';

export const NEW_PROGRESS: LearnProgress = { firstRun: 'offer', lessons: {} };

export class LearnStore {
  private writing: Promise<unknown> = Promise.resolve();

  constructor(readonly file: string = join(configDir(), 'learn-progress.json')) {}

  read(): LearnProgress {
    return readSettingsFile(this.file, learnProgress, NEW_PROGRESS);
  }

  /** Saves the whole progress (the window holds it); writes run one after another. */
  save(progress: LearnProgress): Promise<LearnProgress> {
    const next = this.writing.then(async () => {
      await writeSettingsFile(this.file, progress);
      return progress;
    });
    this.writing = next.catch(() => undefined);
    return next;
  }
}

let shared: LearnStore | null = null;
/** One store per process: every engine scope and window shares the user's one file. */
export function learnStore(): LearnStore {
  shared ??= new LearnStore();
  return shared;
}
