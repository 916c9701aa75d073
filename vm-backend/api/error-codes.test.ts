import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from './error-codes';

const root = join(__dirname, '..', '..');

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...sources(p));
    else if (/\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name)) out.push(p);
  }
  return out;
}

describe('ERROR_CODES', () => {
  it('lists only codes some code makes or checks (no dead entry)', () => {
    const files = ['vm-backend', 'electron', 'renderer'].flatMap((d) => sources(join(root, d)));
    const text = files
      .filter((p) => !p.endsWith(join('api', 'error-codes.ts')))
      .map((p) => readFileSync(p, 'utf8'))
      .join('\n');
    expect(files.length, 'the scan found the sources').toBeGreaterThan(100);
    expect(ERROR_CODES.filter((c) => !text.includes(`'${c}'`))).toEqual([]);
  });
});
