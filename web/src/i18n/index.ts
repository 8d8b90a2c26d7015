import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { negotiateLocale, UI_LOCALES, type UiLocale } from '../../../contract/locales.js';
import { setRequestLocale } from '../api/http.js';
import type { Catalog } from './en.js';

const STORAGE_KEY = 'kuaan.locale';

// Only the language in use is downloaded; the others are separate chunks.
const loaders: Record<UiLocale, () => Promise<Catalog>> = {
  en: () => import('./en.js').then((m) => m.en),
  'zh-Hans': () => import('./zh-Hans.js').then((m) => m.zhHans),
  'zh-Hant': () => import('./zh-Hant.js').then((m) => m.zhHant),
};

export function isUiLocale(value: unknown): value is UiLocale {
  return typeof value === 'string' && (UI_LOCALES as readonly string[]).includes(value);
}

/** The language picked on this device before, else the browser's. */
export function initialLocale(): UiLocale {
  const saved = localStorage.getItem(STORAGE_KEY);
  if (isUiLocale(saved)) return saved;
  return negotiateLocale(navigator.languages.join(','));
}

function applyToDocument(locale: UiLocale): void {
  // lang drives CJK glyph choice (Simplified vs Traditional forms) and screen reader voices.
  document.documentElement.lang = locale;
  setRequestLocale(locale);
}

export async function initI18n(locale: UiLocale): Promise<void> {
  const catalog = await loaders[locale]();
  await i18next.use(initReactI18next).init({
    lng: locale,
    fallbackLng: false,
    resources: { [locale]: { translation: catalog } },
    interpolation: { escapeValue: false }, // React escapes; user text is never HTML.
    returnNull: false,
  });
  applyToDocument(locale);
}

/** Switches the UI language; remembered on this device. */
export async function changeLocale(locale: UiLocale): Promise<void> {
  if (!i18next.hasResourceBundle(locale, 'translation')) {
    i18next.addResourceBundle(locale, 'translation', await loaders[locale]());
  }
  localStorage.setItem(STORAGE_KEY, locale);
  await i18next.changeLanguage(locale);
  applyToDocument(locale);
}

export function currentLocale(): UiLocale {
  return isUiLocale(i18next.language) ? i18next.language : 'en';
}

export const LOCALE_NAMES: Record<UiLocale, string> = { en: 'English', 'zh-Hans': '简体中文', 'zh-Hant': '繁體中文' };
