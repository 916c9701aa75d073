// The desktop app's own flags. Electron's argv also carries Chromium switches and the app path,
// so unknown arguments are left alone; values are checked by the web CLI's parser.
import { parseEngine, UsageError, type WebArgs } from '../../vm-backend/cli/args';

export interface DesktopArgs {
  engine: WebArgs['engine'];
  identity?: string;
}

export { UsageError };

export function parseDesktopArgs(argv: readonly string[]): DesktopArgs {
  const out: DesktopArgs = { engine: 'local' };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? '';
    if (a === '--engine') out.engine = parseEngine(argv[++i]);
    else if (a.startsWith('--engine=')) out.engine = parseEngine(a.slice('--engine='.length));
    else if (a === '--identity') {
      const v = argv[++i];
      if (!v) throw new UsageError('--identity needs a private key file');
      out.identity = v;
    } else if (a.startsWith('--identity=')) out.identity = a.slice('--identity='.length);
  }
  return out;
}
