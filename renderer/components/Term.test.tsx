// The mark as HTML (react-dom/server, no browser): a button described by its tooltip, the tooltip
// a manual popover (top layer, so nothing clips it), the "?" named for the word, in both languages.
import i18n from 'i18next';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { initReactI18next } from 'react-i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { CATALOGS, type Catalog, type CatalogLanguage } from '../i18n/catalogs';
import { Term } from './Term';

beforeAll(async () => {
  await i18n.use(initReactI18next).init({
    resources: { en: { translation: CATALOGS.en }, ko: { translation: CATALOGS.ko } },
    lng: 'en',
    interpolation: { escapeValue: false },
    showSupportNotice: false,
  });
});

const def = (lang: CatalogLanguage, term: string): unknown =>
  ((CATALOGS[lang].glossary as Catalog)[term] as Catalog).def;

const dom = (html: string): { describedBy: string; tipId: string; tip: string; label: string | null } => ({
  describedBy: /aria-describedby="([^"]+)"/.exec(html)?.[1] ?? '',
  tipId: /role="tooltip" id="([^"]+)"|id="([^"]+)"[^>]*role="tooltip"/.exec(html)?.slice(1).find(Boolean) ?? 'none',
  tip: /role="tooltip"[^>]*>([^<]*)</.exec(html)?.[1] ?? '',
  label: /aria-label="([^"]+)"/.exec(html)?.[1] ?? null,
});

describe('Term', () => {
  it('is a button described by its tooltip, which is a manual popover with the definition', async () => {
    await i18n.changeLanguage('en');
    const html = renderToStaticMarkup(createElement(Term, { term: 'port' }, 'Ports'));
    const d = dom(html);
    expect(d.describedBy).toBe(d.tipId);
    expect(html).toMatch(/<dfn class="term" data-term="port"><button type="button"/);
    expect(html).toMatch(/popover="manual"/);
    expect(d.tip).toBe(def('en', 'port'));
    expect(html).toContain('>Ports</button>');
    expect(d.label, 'a word names itself').toBeNull();
  });

  it('compact: a "?" named "What is …?", in Korean too', async () => {
    await i18n.changeLanguage('ko');
    const d = dom(renderToStaticMarkup(createElement(Term, { term: 'cgroup', compact: true })));
    expect(d.label).toBe('“cgroup”이란?');
    expect(d.tip).toBe(def('ko', 'cgroup'));
    await i18n.changeLanguage('en');
    expect(dom(renderToStaticMarkup(createElement(Term, { term: 'network', compact: true }))).label).toBe(
      'What is “network”?',
    );
  });
});
