// Every glossary term is marked (<Term term="…">) in at least one view outside the Learn view, so a
// beginner meets its definition where the word is used; and no mark sits where its button would
// break the control around it (inside a <label> or another <button>). Read from the sources.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GLOSSARY_TERMS } from './glossary';

const renderer = join(__dirname, '..');

function views(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return views(p);
    return name.endsWith('.tsx') && !name.endsWith('.test.tsx') ? [p] : [];
  });
}
const sources = views(renderer).map((p) => ({ file: relative(renderer, p), text: readFileSync(p, 'utf8') }));
const outsideLearn = sources.filter((s) => !s.file.startsWith(join('features', 'learn')));
const marks = (text: string): string[] => [...text.matchAll(/<Term\s+term="([\w-]+)"/g)].map((m) => m[1] ?? '');

describe('glossary marks', () => {
  it('mark each term in a view outside the Learn view', () => {
    const marked = new Set(outsideLearn.flatMap((s) => marks(s.text)));
    expect(marked.size, 'the scan finds the marks').toBeGreaterThan(5);
    expect(GLOSSARY_TERMS.filter((t) => !marked.has(t))).toEqual([]);
  });

  it('mark only terms the glossary has', () => {
    const known = new Set<string>(GLOSSARY_TERMS);
    const unknown = sources.flatMap((s) =>
      marks(s.text)
        .filter((t) => !known.has(t))
        .map((t) => `${s.file}: ${t}`),
    );
    expect(unknown).toEqual([]);
  });

  it('never sit inside a <label> or a <button> (the mark is a button)', () => {
    const nested = sources.flatMap(({ file, text }) =>
      [...text.matchAll(/<(label|button)\b[^>]*>([\s\S]*?)<\/\1>/g)]
        .filter((m) => /<Term\b/.test(m[2] ?? ''))
        .map((m) => `${file}: <${m[1]}> holds a <Term>`),
    );
    expect(nested).toEqual([]);
  });
});
