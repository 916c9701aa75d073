// The first paint parses only what the lists need: xterm.js (the Logs and Shell terminals) and zod
// (pulls, the run dialog, the VM settings) stay out of the entry chunk and everything it imports
// statically; they arrive with import() when those parts first open. Builds the renderer with the
// project's own electron-vite config, in memory.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolveConfig } from 'electron-vite';
import { type Rollup, build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

type Output = (Rollup.OutputChunk | Rollup.OutputAsset)[];
const LAZY_ONLY = { xterm: /[\\/]node_modules[\\/]@xterm[\\/]/, zod: /[\\/]node_modules[\\/]zod[\\/]/ };

let output: Output;
const saved = { out: process.env.WHARF_OUT_DIR, env: process.env.NODE_ENV };
const scratch = mkdtempSync(join(tmpdir(), 'wharf-split-'));

beforeAll(async () => {
  // Nothing is written (write: false); the out dir points at a scratch folder all the same.
  process.env.WHARF_OUT_DIR = scratch;
  const { config } = await resolveConfig(
    { logLevel: 'silent', build: { write: false, emptyOutDir: false } },
    'build',
    'production',
  );
  if (!config?.renderer) throw new Error('electron.vite.config has no renderer section');
  const result = (await build(config.renderer)) as Rollup.RollupOutput | Rollup.RollupOutput[];
  output = (Array.isArray(result) ? result : [result]).flatMap((r) => r.output);
}, 180_000);

afterAll(() => {
  process.env.WHARF_OUT_DIR = saved.out;
  process.env.NODE_ENV = saved.env;
  rmSync(scratch, { recursive: true, force: true });
});

const chunks = (): Rollup.OutputChunk[] => output.filter((o): o is Rollup.OutputChunk => o.type === 'chunk');
const byFile = (file: string): Rollup.OutputChunk => {
  const c = chunks().find((o) => o.fileName === file);
  if (!c) throw new Error(`no chunk ${file}`);
  return c;
};

/** The entry chunk and every chunk it imports statically: what the first paint loads. */
function firstPaint(): Rollup.OutputChunk[] {
  const entry = chunks().filter((c) => c.isEntry);
  expect(entry).toHaveLength(1);
  const seen = new Map<string, Rollup.OutputChunk>();
  const visit = (c: Rollup.OutputChunk): void => {
    if (seen.has(c.fileName)) return;
    seen.set(c.fileName, c);
    c.imports.forEach((f) => visit(byFile(f)));
  };
  visit(entry[0]!);
  return [...seen.values()];
}

// The code, not the stylesheet: xterm.css is part of the one CSS file on purpose (feature-styles.ts).
const holds = (c: Rollup.OutputChunk, lib: RegExp): boolean =>
  Object.keys(c.modules).some((id) => lib.test(id) && !/\.css($|\?)/.test(id));

describe('renderer bundle split', () => {
  it.each(Object.entries(LAZY_ONLY))('keeps %s out of the entry chunk and its static imports', (_name, lib) => {
    expect(
      firstPaint()
        .filter((c) => holds(c, lib))
        .map((c) => c.fileName),
    ).toEqual([]);
    // ...and it is still in the build, loaded lazily (the check above is not vacuous).
    expect(chunks().some((c) => holds(c, lib))).toBe(true);
  });

  it('is minified: what first paint loads stays under 600 KB (it was 1.87 MB in one unminified chunk)', () => {
    const bytes = firstPaint().reduce((n, c) => n + Buffer.byteLength(c.code), 0);
    expect(bytes).toBeLessThan(600_000);
  });

  it('loads the terminals, the run dialog and the engines dialog with import()', () => {
    const entry = firstPaint()[0]!;
    const lazy = entry.dynamicImports.map((f) => Object.keys(byFile(f).modules).join('\n'));
    for (const part of [
      'features/terminal/LogsTab.tsx',
      'features/terminal/ShellTab.tsx',
      'features/run/RunDialog.tsx',
      'features/targets/TargetsDialog.tsx',
      'features/registries/RegistriesDialog.tsx',
    ]) {
      expect(
        lazy.some((mods) => mods.includes(part)),
        part,
      ).toBe(true);
    }
  });

  it('links one stylesheet and the entry with relative paths (file:// in Electron, / in web mode)', () => {
    const html = output.find((o) => o.fileName === 'index.html');
    const source = html?.type === 'asset' ? String(html.source) : '';
    const css = output.filter((o) => o.fileName.endsWith('.css'));
    expect(css).toHaveLength(1);
    expect(source).toContain(`href="./${css[0]!.fileName}"`);
    expect(source).toContain(`src="./${firstPaint()[0]!.fileName}"`);
    // No inline script: the CSP allows only 'self'.
    expect(source).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
  });
});
