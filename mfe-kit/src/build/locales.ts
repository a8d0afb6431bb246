/** The dashboard's locales; Arabic is written right to left. */
export const LOCALES = ['en', 'fr', 'ar'] as const;
