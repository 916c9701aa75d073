// The text catalogs: the shared ones beside this file (en.json, ko.json) and each domain's own
// (features/<domain>/i18n/en.json and ko.json), merged into one tree per language, so a new domain
// brings its texts in its own folder. A domain's catalog only adds keys (i18n.test.ts checks).
import en from './en.json';
import ko from './ko.json';

export type Catalog = { [key: string]: string | Catalog };
export type CatalogLanguage = 'en' | 'ko';

/** Each domain's catalog file, by path (../features/<domain>/i18n/<lang>.json): in the first paint. */
export const DOMAIN_CATALOGS: Readonly<Record<string, Catalog>> = import.meta.glob<Catalog>(
  '../features/*/i18n/{en,ko}.json',
  { eager: true, import: 'default' },
);

/**
 * Texts only one view shows, kept out of the first paint (the lessons' 30 KB): by path
 * (../features/<domain>/i18n/<part>.<lang>.json), each its own chunk, added with loadCatalogPart.
 */
export const LAZY_CATALOGS: Readonly<Record<string, () => Promise<Catalog>>> = import.meta.glob<Catalog>(
  '../features/*/i18n/*.{en,ko}.json',
  { import: 'default' },
);

/** The path of a domain's lazy catalog part in one language (a key of LAZY_CATALOGS). */
export const lazyCatalogPath = (domain: string, part: string, lang: CatalogLanguage): string =>
  `../features/${domain}/i18n/${part}.${lang}.json`;

/** `extra`'s keys laid over `base` (a new tree; neither is changed). */
export function mergeCatalogs(base: Catalog, extra: Catalog): Catalog {
  const out: Catalog = { ...base };
  for (const [key, value] of Object.entries(extra)) {
    const have = out[key];
    out[key] = typeof value === 'object' && typeof have === 'object' ? mergeCatalogs(have, value) : value;
  }
  return out;
}

const domainFiles = (lang: CatalogLanguage): Catalog[] =>
  Object.entries(DOMAIN_CATALOGS)
    .filter(([path]) => path.endsWith(`/i18n/${lang}.json`))
    .map(([, catalog]) => catalog);

export const CATALOGS: Readonly<Record<CatalogLanguage, Catalog>> = {
  en: domainFiles('en').reduce(mergeCatalogs, en as Catalog),
  ko: domainFiles('ko').reduce(mergeCatalogs, ko as Catalog),
};
