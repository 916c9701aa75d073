// The desktop app's own small settings (desktop.json in Electron's userData folder): the quit
// question's remembered answer and the window's place. Written atomically; a file that does not
// parse is set aside and the defaults used, so it never stops Wharf from starting or quitting.
import { join } from 'node:path';
import { z } from 'zod';
import { readSettingsFile, writeSettingsFileSync } from '../../vm-backend/connection/settings-file';
import type { QuitVmPreference } from './quit-decision';

const schema = z
  .object({
    quitVm: z.enum(['ask', 'stop', 'keep']).default('ask'),
    // Checked again (against the displays) when used: window-state.ts.
    window: z.unknown().optional(),
  })
  .strip();

export type DesktopPrefs = z.output<typeof schema>;

const DEFAULTS: DesktopPrefs = { quitVm: 'ask' };

export class DesktopPrefsFile {
  readonly file: string;

  constructor(dir: string) {
    this.file = join(dir, 'desktop.json');
  }

  read(): DesktopPrefs {
    try {
      return readSettingsFile(this.file, schema, DEFAULTS);
    } catch {
      // Unreadable (permissions): the defaults, and nothing saved over it (see update).
      return { ...DEFAULTS };
    }
  }

  /** Saves `patch` over what is there; false when it could not be written (never throws). */
  update(patch: Partial<{ quitVm: QuitVmPreference; window: unknown }>): boolean {
    try {
      writeSettingsFileSync(this.file, { ...readSettingsFile(this.file, schema, DEFAULTS), ...patch });
      return true;
    } catch {
      return false;
    }
  }
}
