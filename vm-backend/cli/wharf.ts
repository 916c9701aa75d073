// The `wharf` command. This issue: `wharf web`; later issues add vm, context and diagnose.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createBackend } from '../backend';
import { wharfDataDir } from '../connection/data-dir';
import { connectionForEngine } from '../connection/from-engine';
import { type HostSocket, startHostSocket } from '../connection/ssh/host-socket';
import type { SshConnection } from '../connection/ssh/ssh-connection';
import { newToken } from '../server/security';
import { startWebServer } from '../server/web-server';
import { parseEngine, parseWebArgs, UsageError } from './args';
import { openBrowser } from './open-browser';
import { CONTEXT_USAGE, contextCommand } from './context-command';
import { startVmEngine, vmCommand } from './vm-command';
import { TargetStore } from '../connection/targets';

const USAGE = `usage: wharf web [--port P] [--token T] [--no-open] [--engine local|vm|ssh://user@host:port] [--identity KEYFILE] [--no-docker-socket]
  env: WHARF_WEB_PORT, WHARF_TOKEN, DOCKER_HOST, WHARF_DATA_DIR (keys, known_hosts)
  without --engine: the active target (wharf context use NAME)
${CONTEXT_USAGE}`;

async function exposeDockerSocket(c: SshConnection): Promise<HostSocket | null> {
  try {
    const s = await startHostSocket(c.link, c.target, wharfDataDir());
    console.log(`Docker socket: unix://${s.path}${s.context ? ` (docker --context ${s.context} ...)` : ''}`);
    return s;
  } catch (err) {
    console.error(`wharf: no host Docker socket: ${(err as Error).message}`);
    return null;
  }
}

async function web(argv: string[]): Promise<void> {
  const args = parseWebArgs(argv);
  if (!argv.some((a) => a === '--engine' || a.startsWith('--engine='))) {
    // No --engine: the target chosen with `wharf context use` (local until one is chosen).
    const t = new TargetStore(wharfDataDir()).active();
    args.engine = parseEngine(t.engine);
    if (t.identity && !args.identity) args.identity = t.identity;
  }
  const staticDir = join(__dirname, '../renderer');
  if (!existsSync(join(staticDir, 'index.html'))) {
    throw new UsageError(`the UI is not built (${staticDir}/index.html missing): run "npm run build" first`);
  }
  let connection;
  let vm;
  try {
    if (args.engine === 'vm') ({ connection, vm } = await startVmEngine());
    else connection = connectionForEngine(args.engine, args.identity);
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  const backend = createBackend({ connection, vm });
  const server = await startWebServer({ backend, token: args.token ?? newToken(), port: args.port, staticDir });
  // An SSH engine also gets a Docker socket here and a docker context, for the user's own CLI.
  const hostSocket = connection.kind === 'ssh' && args.dockerSocket ? await exposeDockerSocket(connection as SshConnection) : null;
  console.log(`Wharf web UI: ${server.url}`);
  if (args.open) openBrowser(server.url);
  const stop = async (): Promise<void> => {
    await server.close();
    await hostSocket?.close();
    await backend.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'web': return web(rest);
    case 'vm': return vmCommand(rest);
    case 'context': {
      const code = await contextCommand(rest, wharfDataDir());
      if (code) process.exit(code);
      return;
    }
    case undefined: case '--help': case '-h': case 'help':
      console.log(USAGE);
      return;
    default:
      throw new UsageError(`unknown command: ${command}\n${USAGE}`);
  }
}

main(process.argv.slice(2)).catch((err: unknown) => {
  if (err instanceof UsageError) console.error(`wharf: ${err.message}`);
  else if ((err as { code?: string }).code === 'EADDRINUSE') console.error('wharf: that port is already in use; choose another with --port');
  else console.error('wharf:', err);
  process.exit(2);
});
