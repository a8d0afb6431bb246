import { isLocale, type Locale } from '@c360/mfe-kit';

const KEY = 'c360.locale';

/** The user's language: their last choice, else the browser's if we have it, else English. */
export const loadLocale = (storage: Storage, browserLanguages: readonly string[]): Locale => {
  const saved = storage.getItem(KEY);
  if (isLocale(saved)) return saved;
  const fromBrowser = browserLanguages.map((tag) => tag.slice(0, 2)).find(isLocale);
  return fromBrowser ?? 'en';
};

export const saveLocale = (storage: Storage, locale: Locale): void => storage.setItem(KEY, locale);
