// Letters that Lucene's ASCII folding maps but Unicode decomposition does not split.
const SPECIAL: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  đ: 'd',
  ð: 'd',
  ł: 'l',
  þ: 'th',
  ı: 'i',
};

/**
 * The same folding as the index's `folded` normalizer (lowercase, then ASCII folding), so the
 * evaluator and OpenSearch agree on "Zoé" = "zoe". Covers Latin letters with diacritics and the
 * usual ligatures; Lucene folds a few rarer symbols (ﬁ, ⑴...) that this leaves alone.
 */
export const foldText = (value: string): string =>
  value
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[ßæœøđðłþı]/g, (c) => SPECIAL[c] ?? c);
