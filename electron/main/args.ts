// The desktop app's own flags. Electron's argv also carries Chromium switches and the app path,
// so unknown arguments are left alone; the engine value is checked by the web CLI's parser.
import { parseWebArgs, UsageError } from '../../vm-backend/cli/args';

export interface DesktopArgs {
  engine: 'local';
}

export { UsageError };

export function parseDesktopArgs(argv: readonly string[]): DesktopArgs {
  const out: DesktopArgs = { engine: 'local' };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? '';
    if (a === '--engine') {
      const value = argv[i + 1];
      parseWebArgs(value === undefined ? ['--engine'] : ['--engine', value], {});
      i++;
    } else if (a.startsWith('--engine=')) {
      parseWebArgs([a], {});
    }
  }
  return out;
}
