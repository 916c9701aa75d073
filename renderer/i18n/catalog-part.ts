// A domain's texts that only one view shows (features/<domain>/i18n/<part>.<lang>.json) load with
// that view: both languages at once, so switching the language later finds them already there.
import i18n from 'i18next';
import { type CatalogLanguage, LAZY_CATALOGS, lazyCatalogPath } from './catalogs';

const LANGS: readonly CatalogLanguage[] = ['en', 'ko'];
const loading = new Map<string, Promise<void>>();

/**
 * Adds the part's keys to i18next's catalogs in both languages; the same promise for every call
 * (a view can `use()` it). A part that failed to load (a chunk the server lost) is asked again next time.
 */
export function loadCatalogPart(domain: string, part: string): Promise<void> {
  const key = `${domain}/${part}`;
  const known = loading.get(key);
  if (known) return known;
  const done = Promise.all(
    LANGS.map(async (lang) => {
      const path = lazyCatalogPath(domain, part, lang);
      const load = LAZY_CATALOGS[path];
      if (!load) throw new Error(`no catalog ${path}`);
      // deep: lay the keys beside the ones already under the same parent; never overwrite one.
      i18n.addResourceBundle(lang, 'translation', await load(), true, false);
    }),
  ).then(() => undefined);
  done.catch(() => loading.delete(key));
  loading.set(key, done);
  return done;
}
