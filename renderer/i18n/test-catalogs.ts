// For tests: every text the window can show, the first-paint catalogs with every lazy part laid over.
import { CATALOGS, type Catalog, type CatalogLanguage, LAZY_CATALOGS, mergeCatalogs } from './catalogs';

/** Each lazy catalog file, loaded, by path. */
export async function lazyCatalogFiles(): Promise<[string, Catalog][]> {
  return Promise.all(Object.entries(LAZY_CATALOGS).map(async ([path, load]) => [path, await load()] as const));
}

/** CATALOGS with every lazy part merged in. */
export async function everyCatalog(): Promise<Record<CatalogLanguage, Catalog>> {
  const files = await lazyCatalogFiles();
  const merged = (lang: CatalogLanguage): Catalog =>
    files.filter(([p]) => p.endsWith(`.${lang}.json`)).reduce((c, [, part]) => mergeCatalogs(c, part), CATALOGS[lang]);
  return { en: merged('en'), ko: merged('ko') };
}
