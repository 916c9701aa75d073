import { resolve } from 'node:path';

/** Where the built app lives: out/, or WHARF_OUT_DIR (one build per concurrent run on one machine). */
export const outDir = (): string => process.env.WHARF_OUT_DIR ?? resolve(__dirname, '../../out');
export const cliPath = (): string => resolve(outDir(), 'main/cli.js');
