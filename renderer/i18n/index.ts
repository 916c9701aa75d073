import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { CATALOGS } from './catalogs';

export const LANGUAGES = [
  { code: 'en', label: 'English' },
  { code: 'ko', label: '한국어' },
] as const;
export type LanguageCode = (typeof LANGUAGES)[number]['code'];

const STORAGE_KEY = 'wharf.lang';

/** The saved choice, else the system's language when Wharf speaks it, else English. */
export function pickLanguage(saved: string | null, systemLanguages: readonly string[]): LanguageCode {
  if (saved === 'en' || saved === 'ko') return saved;
  for (const l of systemLanguages) {
    const base = l.toLowerCase().split('-')[0];
    if (base === 'ko' || base === 'en') return base;
  }
  return 'en';
}

export function initI18n(): typeof i18n {
  const lng = pickLanguage(localStorage.getItem(STORAGE_KEY), navigator.languages ?? [navigator.language]);
  void i18n.use(initReactI18next).init({
    resources: { en: { translation: CATALOGS.en }, ko: { translation: CATALOGS.ko } },
    lng,
    fallbackLng: 'en',
    interpolation: { escapeValue: false },
    returnNull: false,
    showSupportNotice: false, // no advert in the user's console
  });
  document.documentElement.lang = lng;
  return i18n;
}

export function setLanguage(code: LanguageCode): void {
  localStorage.setItem(STORAGE_KEY, code);
  document.documentElement.lang = code;
  void i18n.changeLanguage(code);
}
