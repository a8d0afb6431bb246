import type { Locale } from './mountProps';

/** Arabic is written right to left; the layout mirrors with it. */
export const textDirection = (locale: Locale): 'rtl' | 'ltr' => (locale === 'ar' ? 'rtl' : 'ltr');

export const isLocale = (value: unknown): value is Locale =>
  value === 'en' || value === 'fr' || value === 'ar';
