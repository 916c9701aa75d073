import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type Catalog, DOMAIN_CATALOGS, LAZY_CATALOGS, mergeCatalogs } from './catalogs';
import baseEn from './en.json';
import baseKo from './ko.json';
import { ERROR_CODES } from '../../vm-backend/api/error-codes';
import { pickLanguage } from './index';
import { everyCatalog, lazyCatalogFiles } from './test-catalogs';

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
// Every key the window can show: the shared catalogs merged with each domain's own, and the parts
// that load with their view (LAZY_CATALOGS).
const ALL = await everyCatalog();
const EN = flatten(ALL.en as Tree);
const KO = flatten(ALL.ko as Tree);
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
  // Every code Wharf makes is in ERROR_CODES (the compiler holds the code to it). The VM panel words
  // its problems under vmPanel.problem.<CODE>; every other view shows errors.<CODE> (ErrorNotice).
  const sections = ['errors', 'vmPanel.problem'];
  const worded = (cat: Map<string, string>, code: string): boolean =>
    sections.some((s) => cat.get(`${s}.${code}.message`) && cat.get(`${s}.${code}.hint`));
  it('the list has the codes, each once', () => {
    expect(ERROR_CODES).toContain('ENGINE_UNREACHABLE');
    expect(ERROR_CODES).toContain('INVALID_INPUT');
    expect(ERROR_CODES).toContain('LOG_SAVE_FAILED');
    expect(ERROR_CODES.length).toBeGreaterThan(10);
    expect(new Set(ERROR_CODES).size, 'no code twice').toBe(ERROR_CODES.length);
  });
  it('every error code has a message and a hint in both languages', () => {
    const missing: string[] = [];
    for (const code of ERROR_CODES) {
      for (const [name, cat] of [
        ['en', EN],
        ['ko', KO],
      ] as const) {
        if (!worded(cat, code)) missing.push(`${name}: ${code}`);
      }
    }
    expect(missing).toEqual([]);
  });
  it('words only codes that are in the list', () => {
    const listed = new Set<string>(ERROR_CODES);
    const stray = [...EN.keys()]
      .map((k) => /^(?:errors|vmPanel\.problem)\.([A-Z][A-Z0-9_]+)\./.exec(k)?.[1])
      .filter((c): c is string => !!c && !listed.has(c));
    expect([...new Set(stray)]).toEqual([]);
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

const lazyParts = await lazyCatalogFiles();

describe("domains' own catalogs (features/<domain>/i18n/)", () => {
  const leaves = (c: Catalog): string[] => [...flatten(c as Tree).keys()];
  const files = [...Object.entries(DOMAIN_CATALOGS), ...lazyParts];

  it('merge under the shared ones without losing a key of either', () => {
    const merged = flatten(mergeCatalogs({ a: { b: 'x', c: 'y' } }, { a: { d: 'z' }, e: 'w' }) as Tree);
    expect([...merged]).toEqual([
      ['a.b', 'x'],
      ['a.c', 'y'],
      ['a.d', 'z'],
      ['e', 'w'],
    ]);
  });

  it('only add keys: none is defined twice (shared and domain, or two domains)', () => {
    const seen = new Map<string, string>();
    for (const [file, keys] of [
      ['en.json', leaves(baseEn as Catalog)],
      ['ko.json', leaves(baseKo as Catalog)],
      ...files.map(([path, c]) => [path, leaves(c)] as const),
    ] as const) {
      const lang = file.endsWith('ko.json') ? 'ko' : 'en';
      for (const key of keys) {
        const before = seen.get(`${lang}:${key}`);
        expect(before, `${key} is in ${before} and ${file}`).toBeUndefined();
        seen.set(`${lang}:${key}`, file);
      }
    }
  });

  it('keep the parts that load with their view out of the first paint', () => {
    // The first paint merges only <lang>.json; <part>.<lang>.json files are their own chunks.
    expect(Object.keys(DOMAIN_CATALOGS).filter((p) => !/\/i18n\/(en|ko)\.json$/.test(p))).toEqual([]);
    expect(Object.keys(LAZY_CATALOGS)).toContain('../features/learn/i18n/lessons.en.json');
    expect(Object.keys(LAZY_CATALOGS).filter((p) => !/\/i18n\/[a-z-]+\.(en|ko)\.json$/.test(p))).toEqual([]);
  });

  it('come in both languages', () => {
    const folders = (lang: string): string[] =>
      files
        .map(([p]) => p)
        .filter((p) => p.endsWith(`/${lang}.json`) || p.endsWith(`.${lang}.json`))
        .map((p) => p.slice(0, -`${lang}.json`.length));
    expect(folders('ko').sort()).toEqual(folders('en').sort());
  });
});
