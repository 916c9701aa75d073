import { readdirSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { medianMs, round, type Bench } from './types';

// Bundled by esbuild (scripts/bench.sh); a require, so the e2e typecheck does not pull electron/ in.
const { appProtocolHandler } = require('../../electron/main/app-protocol') as {
  appProtocolHandler(root: string): (request: Request) => Promise<Response>;
};

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? files(p) : [p];
  });
}

/**
 * app_protocol_ratio: the desktop app's first page load, every file of the built renderer fetched
 * through the wharf:// handler (path checks, realpath, headers, a Response), over reading the same
 * files straight from disk in the same process (median of 30 rounds each, alternating).
 */
export const appProtocol: Bench = async (ctx) => {
  const root = join(process.env.WHARF_OUT_DIR ?? resolve('out'), 'renderer');
  const all = files(root);
  const urls = all.map((f) => `wharf://app/${relative(root, f).split('\\').join('/')}`);
  const serve = appProtocolHandler(root);
  let bytes = 0;
  const viaProtocol = async (): Promise<void> => {
    bytes = 0;
    for (const url of urls) bytes += (await (await serve(new Request(url))).arrayBuffer()).byteLength;
  };
  const direct = async (): Promise<void> => {
    for (const f of all) await readFile(f);
  };
  await viaProtocol();
  await direct();
  const p: number[] = [];
  const d: number[] = [];
  for (let i = 0; i < 30; i++) {
    p.push(await medianMs(1, viaProtocol));
    d.push(await medianMs(1, direct));
  }
  const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
  ctx.log(
    `app protocol: ${urls.length} files, ${(bytes / 1e6).toFixed(2)} MB: ${round(med(p), 2)} ms; fs.readFile: ${round(med(d), 2)} ms`,
  );
  return {
    app_protocol_page_ms: round(med(p), 2),
    app_protocol_ratio: round(med(p) / med(d), 2),
    app_protocol_direct_read_ms: round(med(d), 2),
  };
};
