import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { round, type Bench } from './types';

const run = promisify(execFile);

/**
 * fuzz_inputs / fuzz_uncoded: hostile inputs the contract fuzz test sent through the real backend
 * (every call), and answers without an error code (goal 0). Runs the integration test itself, so
 * the figures are the suite's; fuzz_seconds is its wall time.
 */
export const contractFuzz: Bench = async (ctx) => {
  const t0 = performance.now();
  let out = '';
  try {
    const r = await run(
      'npx',
      ['vitest', 'run', '--project', 'integration', 'vm-backend/wiring/contract-fuzz.int.test.ts'],
      { cwd: process.cwd(), maxBuffer: 64 * 2 ** 20, timeout: 300_000 },
    );
    out = r.stdout + r.stderr;
  } catch (e) {
    // A failing run still prints its figures (fuzz_uncoded > 0 is what failed).
    const err = e as { stdout?: string; stderr?: string };
    out = `${err.stdout ?? ''}${err.stderr ?? ''}`;
  }
  const m = /fuzz_inputs=(\d+) fuzz_uncoded=(\d+)/.exec(out);
  if (!m) throw new Error(`the fuzz test printed no figures:\n${out.slice(-2000)}`);
  const seconds = (performance.now() - t0) / 1000;
  const line = out.slice(out.indexOf('fuzz_inputs='));
  ctx.log(line.slice(0, line.indexOf('\n')));
  return { fuzz_inputs: Number(m[1]), fuzz_uncoded: Number(m[2]), fuzz_seconds: round(seconds) };
};
