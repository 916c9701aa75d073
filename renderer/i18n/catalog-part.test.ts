import i18n from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { CATALOGS } from './catalogs';
import { loadCatalogPart } from './catalog-part';

beforeAll(async () => {
  await i18n.init({
    resources: { en: { translation: CATALOGS.en }, ko: { translation: CATALOGS.ko } },
    lng: 'en',
    fallbackLng: 'en',
    showSupportNotice: false,
  });
});

describe('loadCatalogPart', () => {
  it("adds the lessons' texts in both languages, beside the learn keys already there", async () => {
    const key = 'learn.lessons.ports.title';
    expect(i18n.exists(key), 'not in the first paint').toBe(false);
    const first = loadCatalogPart('learn', 'lessons');
    expect(loadCatalogPart('learn', 'lessons'), 'one load for every caller').toBe(first);
    await first;
    expect(i18n.t(key, { lng: 'en' })).toBe('Ports: reach a web server');
    expect(i18n.t(key, { lng: 'ko' })).not.toBe(i18n.t(key, { lng: 'en' }));
    expect(i18n.exists(key, { lng: 'ko' })).toBe(true);
    // The merge is deep: the keys beside learn.lessons are still there.
    expect(i18n.t('learn.title', { lng: 'en' })).toBe('Learn Docker, step by step');
    expect(i18n.exists('glossary.image.def', { lng: 'ko' })).toBe(true);
  });

  it('refuses a part that does not exist, and tries it again next time', async () => {
    const missing = loadCatalogPart('learn', 'nothing-here');
    await expect(missing).rejects.toThrow(/no catalog/);
    const again = loadCatalogPart('learn', 'nothing-here');
    expect(again).not.toBe(missing);
    await expect(again).rejects.toThrow(/no catalog/);
  });
});
