// `npm run bench`: starts the system Chromium, runs every benchmark against web mode and the real
// engine, and writes the figures to e2e/bench/results/latest.json (with the machine and time).
import { chromium } from '@playwright/test';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { docker } from '../support/docker';
import { startWharfWeb } from '../support/wharf-web';
import { benches } from './index';

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  const browser = await chromium.launch({
    executablePath: process.env.WHARF_CHROMIUM ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
  const figures: Record<string, number> = {};
  const failures: Record<string, string> = {};
  try {
    for (const [name, bench] of Object.entries(benches)) {
      if (only.length && !only.includes(name)) continue;
      console.log(`== ${name}`);
      try {
        const got = await bench({ browser, startWharfWeb, docker, log: (m) => console.log(`   ${m}`) });
        for (const [k, v] of Object.entries(got)) console.log(`   ${k} = ${v}`);
        Object.assign(figures, got);
      } catch (err) {
        failures[name] = String((err as Error).stack ?? err);
        console.error(`   failed: ${failures[name]}`);
      }
    }
  } finally {
    await browser.close();
  }
  const out = join(__dirname, '../../e2e/bench/results');
  mkdirSync(out, { recursive: true });
  const engine = await docker('version', '--format', '{{.Server.Version}} (API {{.Server.APIVersion}})').catch(
    () => 'unknown',
  );
  // A run of some benchmarks only keeps the other figures of the last full run.
  const file = join(out, 'latest.json');
  if (only.length && existsSync(file)) {
    const previous = JSON.parse(readFileSync(file, 'utf8')) as { figures?: Record<string, number> };
    for (const [k, v] of Object.entries(previous.figures ?? {})) if (!(k in figures)) figures[k] = v;
  }
  const result = {
    date: new Date().toISOString(),
    machine: { cpus: cpus().length, memGiB: Math.round(totalmem() / 2 ** 30), node: process.version, engine },
    figures,
    failures,
  };
  writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
  console.log(
    `wrote e2e/bench/results/latest.json (${Object.keys(figures).length} figures, ${Object.keys(failures).length} failed)`,
  );
  process.exit(Object.keys(failures).length ? 1 : 0);
}

void main();
