// Every lesson, step, hint, action and glossary term has its text in English and Korean: the
// keys are built from the lesson data (t(`learn.lessons.${id}...`)), so the catalog scan cannot see them.
// The lesson texts live in i18n/lessons.<lang>.json (loaded with the Learn view): counted here too.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Catalog } from '../../i18n/catalogs';
import { everyCatalog } from '../../i18n/test-catalogs';
import { GLOSSARY_TERMS } from './glossary';
import { LESSONS } from './lessons';

const get = (c: Catalog, key: string): unknown =>
  key.split('.').reduce<unknown>((node, k) => (node && typeof node === 'object' ? (node as Catalog)[k] : undefined), c);

const HINTS = [
  'otherTag',
  'otherName',
  'stillRunning',
  'imageInUse',
  'notRunning',
  'noPort',
  'otherPort',
  'stillRunningMany',
  'removedTooSoon',
  'noVolume',
  'volumeGone',
  'tagElsewhere',
  'notOnNetwork',
  'notInProject',
  'stoppedNotDown',
  'otherImage',
  'notInteractive',
  'noMemoryLimit',
  'otherMemoryLimit',
];
const ACTIONS = [
  'run',
  'view',
  'remove-containers',
  'stop-containers',
  'remove-image',
  'remove-images',
  'create-volume',
  'cleanup',
];

const keys = (): string[] => [
  ...LESSONS.flatMap((l) => [
    `learn.lessons.${l.id}.title`,
    `learn.lessons.${l.id}.intro`,
    ...l.steps.flatMap((s) => [
      `learn.lessons.${l.id}.steps.${s.id}.title`,
      `learn.lessons.${l.id}.steps.${s.id}.text`,
    ]),
  ]),
  ...HINTS.map((h) => `learn.hint.${h}`),
  ...ACTIONS.map((a) => `learn.action.${a}`),
  ...['done', 'active', 'waiting'].map((s) => `learn.state.${s}`),
  ...['local', 'vm', 'ssh', 'other'].map((k) => `learn.engineKind.${k}`),
  ...GLOSSARY_TERMS.flatMap((t) => [`glossary.${t}.word`, `glossary.${t}.def`]),
  'nav.learn',
];

const CATALOGS = await everyCatalog();

describe('the lessons in both languages', () => {
  for (const lang of ['en', 'ko'] as const)
    it(`has every lesson text in ${lang}`, () => {
      expect(keys().filter((k) => typeof get(CATALOGS[lang], k) !== 'string')).toEqual([]);
    });

  it('uses only the hint keys the catalogs have', () => {
    // The hints the lessons can give, read from their source files: a new one must be added above.
    const used = new Set<string>();
    for (const f of readdirSync(__dirname).filter((n) => /^lesson-.*\.ts$/.test(n) && !n.endsWith('.test.ts')))
      for (const m of readFileSync(join(__dirname, f), 'utf8').matchAll(/key: '(\w+)'/g)) used.add(m[1] ?? '');
    expect(used.size).toBeGreaterThan(5);
    expect([...used].filter((h) => !HINTS.includes(h))).toEqual([]);
  });
});
