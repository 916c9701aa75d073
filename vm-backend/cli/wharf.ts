// The `wharf` command: web, vm, context.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { WharfError } from '../api/errors';
import { createBackend } from '../wiring/backend';
import { targetConnector } from '../wiring/connect-target';
import { wharfDataDir } from '../connection/data-dir';
import { TargetStore } from '../connection/targets';
import { newToken } from '../server/security';
import { noteWebAddress } from '../server/web-addresses';
import { startWebServer } from '../server/web-server';
import { parseWebArgs, UsageError } from './args';
import { CONTEXT_USAGE, contextCommand } from './context-command';
import { openBrowser } from './open-browser';
import { printWebUrls } from './print-url';
import { vmCommand } from './vm-command';

const USAGE = `usage: wharf web [--port P] [--token T] [--no-open] [--engine local|vm|ssh://user@host:port] [--identity KEYFILE] [--no-docker-socket]
       wharf web --print-url   (the address, token included, of each wharf web running)
  env: WHARF_WEB_PORT, WHARF_TOKEN, DOCKER_HOST, WHARF_DATA_DIR (keys, known_hosts, targets)
  without --engine: the active target (wharf context use NAME); the UI can switch targets
${CONTEXT_USAGE}`;

async function web(argv: string[]): Promise<void> {
  if (argv.includes('--print-url')) {
    if (!printWebUrls(wharfDataDir())) process.exitCode = 1;
    return;
  }
  const args = parseWebArgs(argv);
  const given = argv.some((a) => a === '--engine' || a.startsWith('--engine='));
  const staticDir = join(__dirname, '../renderer');
  if (!existsSync(join(staticDir, 'index.html'))) {
    throw new UsageError(`the UI is not built (${staticDir}/index.html missing): run "npm run build" first`);
  }
  const dataDir = wharfDataDir();
  const target = new TargetStore(dataDir).startTarget(given ? args.engine : undefined, args.identity ?? undefined);
  const connect = targetConnector({ dataDir, log: (l) => console.error(l) });
  let connected: Awaited<ReturnType<typeof connect>>;
  try {
    connected = await connect(target);
  } catch (err) {
    throw new UsageError(
      err instanceof WharfError ? `${err.message} ${err.hint}\n  (${err.detail})` : (err as Error).message,
    );
  }
  const backend = createBackend({
    ...connected,
    target,
    dataDir,
    connect,
    dockerSocket: args.dockerSocket,
    log: (l) => console.log(l),
  });
  const server = await startWebServer({ backend, token: args.token ?? newToken(), port: args.port, staticDir });
  console.log(`Wharf web UI: ${server.url}`);
  const forget = noteWebAddress(dataDir, server.port, server.url);
  if (args.open) openBrowser(server.url);
  const stop = async (): Promise<void> => {
    forget();
    await server.close();
    await backend.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'web':
      return web(rest);
    case 'vm':
      return vmCommand(rest);
    case 'context': {
      const code = await contextCommand(rest, wharfDataDir());
      if (code) process.exit(code);
      return;
    }
    case undefined:
    case '--help':
    case '-h':
    case 'help':
      console.log(USAGE);
      return;
    default:
      throw new UsageError(`unknown command: ${command}\n${USAGE}`);
  }
}

main(process.argv.slice(2)).catch((err: unknown) => {
  if (err instanceof UsageError) console.error(`wharf: ${err.message}`);
  else if ((err as { code?: string }).code === 'EADDRINUSE')
    console.error('wharf: that port is already in use; choose another with --port');
  else console.error('wharf:', err);
  process.exit(2);
});
