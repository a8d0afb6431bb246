import type { Direction } from './textPieces';

// Languages written right to left, by their BCP 47 primary subtag.
const RTL_LANGUAGES = new Set(['ar', 'fa', 'he', 'ur', 'ps', 'yi', 'dv', 'ckb', 'sd', 'ug']);

/** The direction a reader of `locale` (`ar`, `fr-CA`, ...) lays a document out in; none: left to right. */
export const readingDirection = (locale: string | null | undefined): Direction =>
  locale && RTL_LANGUAGES.has(locale.toLowerCase().split(/[-_]/)[0]!) ? 'rtl' : 'ltr';
