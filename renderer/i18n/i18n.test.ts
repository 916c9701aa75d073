import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import en from './en.json';
import ko from './ko.json';
import { pickLanguage } from './index';

type Tree = { [k: string]: string | Tree };
const root = join(__dirname, '..', '..');

function flatten(t: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(t)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(key, v);
    else for (const [kk, vv] of flatten(v, key)) out.set(kk, vv);
  }
  return out;
}
const EN = flatten(en as Tree);
const KO = flatten(ko as Tree);
const placeholders = (s: string): string[] =>
  [...s.matchAll(/\{\{\s*([\w.]+)\s*(?:,[^}]*)?\}\}/g)].map((m) => m[1]).sort();
/** A key as the code names it: plural forms live under key_one / key_other. */
const hasKey = (key: string): boolean => EN.has(key) || EN.has(`${key}_other`);
const hasPrefix = (prefix: string): boolean => [...EN.keys()].some((k) => k.startsWith(`${prefix}.`));

function sourceFiles(dir: string, exts: RegExp): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...sourceFiles(p, exts));
    else if (exts.test(name) && !/\.test\.tsx?$/.test(name)) out.push(p);
  }
  return out;
}
const rendererSources = sourceFiles(join(root, 'renderer'), /\.tsx?$/).map((p) => ({
  p,
  text: readFileSync(p, 'utf8'),
}));

describe('catalogs', () => {
  it('are not trivially empty', () => {
    expect(EN.size).toBeGreaterThan(50);
  });
  it('en and ko have exactly the same keys', () => {
    expect(
      [...KO.keys()].filter((k) => !EN.has(k)),
      'only in ko',
    ).toEqual([]);
    expect(
      [...EN.keys()].filter((k) => !KO.has(k)),
      'only in en',
    ).toEqual([]);
  });
  it('have no empty values', () => {
    for (const [name, cat] of [
      ['en', EN],
      ['ko', KO],
    ] as const) {
      expect(
        [...cat].filter(([, v]) => v.trim() === '').map(([k]) => k),
        name,
      ).toEqual([]);
    }
  });
  it('use the same {{placeholders}} per key in both languages', () => {
    const differ = [...EN]
      .filter(([k, v]) => KO.has(k) && placeholders(v).join() !== placeholders(KO.get(k) ?? '').join())
      .map(([k]) => k);
    expect(differ).toEqual([]);
  });
});

describe('keys the renderer uses', () => {
  it('every literal t(...) / i18nKey key exists in en.json', () => {
    const missing: string[] = [];
    let seen = 0;
    for (const { p, text } of rendererSources) {
      for (const m of text.matchAll(/\bt\(\s*(['"])([^'"`$]+)\1|i18nKey=\{?\s*(['"])([^'"]+)\3/g)) {
        const key = m[2] ?? m[4];
        seen++;
        if (!hasKey(key)) missing.push(`${p.slice(root.length + 1)}: ${key}`);
      }
    }
    expect(seen, 'the scan found the t() calls').toBeGreaterThan(20);
    expect(missing).toEqual([]);
  });
  it('every template t(`prefix.${x}`) names an existing group', () => {
    const missing: string[] = [];
    for (const { p, text } of rendererSources) {
      for (const m of text.matchAll(/\bt\(\s*`([a-zA-Z0-9_.]+)\.\$\{/g)) {
        if (m[1] !== 'errors' && !m[1].startsWith('${') && !hasPrefix(m[1]))
          missing.push(`${p.slice(root.length + 1)}: ${m[1]}`);
      }
    }
    expect(missing).toEqual([]);
  });
  it('has every value the dynamic keys take', () => {
    const states = ['created', 'running', 'paused', 'restarting', 'exited', 'removing', 'dead'];
    const want = [
      ...states.map((s) => `containers.state.${s}`),
      ...['start', 'stop', 'restart', 'pause', 'unpause'].map((a) => `containers.action.${a}`),
      ...['connecting', 'ready', 'degraded', 'unreachable'].map((s) => `engine.${s}`),
      ...['containers', 'images'].map((v) => `nav.${v}`),
    ];
    expect(want.filter((k) => !hasKey(k))).toEqual([]);
  });
});

describe('error catalog', () => {
  const produced = (file: string): string[] => {
    const text = readFileSync(join(root, file), 'utf8');
    return [...text.matchAll(/(?:make\(\s*|code:\s*)'([A-Z][A-Z0-9_]+)'/g)].map((m) => m[1]);
  };
  const codes = [
    ...new Set([
      ...produced('vm-backend/engine/errors.ts'),
      ...produced('vm-backend/api/errors.ts'),
      ...produced('vm-backend/connection/ssh/ssh-errors.ts'),
      ...produced('vm-backend/vm/guest/vm-down.ts'),
    ]),
  ];
  it('the scan found the codes', () => {
    expect(codes).toContain('ENGINE_UNREACHABLE');
    expect(codes).toContain('INVALID_INPUT');
    expect(codes.length).toBeGreaterThan(10);
  });
  it('every error code has a message and a hint in both languages', () => {
    const missing: string[] = [];
    for (const code of codes) {
      for (const [name, cat] of [
        ['en', EN],
        ['ko', KO],
      ] as const) {
        for (const part of ['message', 'hint'])
          if (!cat.get(`errors.${code}.${part}`)) missing.push(`${name}: errors.${code}.${part}`);
      }
    }
    expect(missing).toEqual([]);
  });
});

describe('pickLanguage', () => {
  it('prefers the saved choice, then the system language, then English', () => {
    expect(pickLanguage('ko', ['en-US'])).toBe('ko');
    expect(pickLanguage(null, ['fr-FR', 'ko-KR'])).toBe('ko');
    expect(pickLanguage(null, ['EN-gb'])).toBe('en');
    expect(pickLanguage('de', ['fr'])).toBe('en');
    expect(pickLanguage(null, [])).toBe('en');
  });
});
