import { readFileSync } from 'node:fs';
import path from 'node:path';
import * as fontkit from 'fontkit';
import { woffToSfnt } from './woffToSfnt';

export type FontWeight = 'regular' | 'bold';

/** One font file a PDF can embed: its name in the PDF document and where it comes from. */
export type FontFace = {
  /** The name it is registered under in pdfkit (unique per file). */
  name: string;
  weight: FontWeight;
  /** The font as TrueType (unpacked from its WOFF once), what pdfkit embeds a subset of. */
  data: Buffer;
  font: fontkit.Font;
};

/**
 * The Noto families bundled from `@fontsource/*`. Fontsource cuts each family into unicode-range
 * slices (the files a browser fetches on demand); we read the same slices, in WOFF (unpacked to
 * TrueType, see woffToSfnt): fontkit's WOFF2 subsetting copies glyphs through the transformed
 * `loca` table and embeds broken outlines (foliojs/fontkit#201).
 * Order is priority: the first slice that has a glyph wins, so Latin digits and punctuation come
 * from Noto Sans unless the text around them is in another family.
 */
const SLICES: { pkg: string; family: string; slices: string[] }[] = [
  {
    pkg: '@fontsource/noto-sans',
    family: 'noto-sans',
    slices: [
      'latin',
      'latin-ext',
      'vietnamese',
      'cyrillic',
      'cyrillic-ext',
      'greek',
      'greek-ext',
      'devanagari',
    ],
  },
  { pkg: '@fontsource/noto-sans-arabic', family: 'noto-sans-arabic', slices: ['arabic'] },
  { pkg: '@fontsource/noto-sans-hebrew', family: 'noto-sans-hebrew', slices: ['hebrew'] },
];

/** Japanese (kana and the kanji of names): 120 numbered slices, found through `unicode.json`. */
const CJK = { pkg: '@fontsource/noto-sans-jp', family: 'noto-sans-jp' };

const WEIGHT_NUMBER: Record<FontWeight, number> = { regular: 400, bold: 700 };

const packageDir = (pkg: string): string => path.dirname(require.resolve(`${pkg}/package.json`));

const loadFace = (pkg: string, family: string, slice: string, weight: FontWeight): FontFace => {
  const file = `${family}-${slice}-${WEIGHT_NUMBER[weight]}-normal.woff`;
  const data = woffToSfnt(readFileSync(path.join(packageDir(pkg), 'files', file)));
  const font = fontkit.create(data);
  if (!('hasGlyphForCodePoint' in font)) throw new Error(`${file} is a font collection`);
  return { name: `${family}-${slice}-${weight}`, weight, data, font };
};

type Range = { from: number; to: number; slice: string };

/** `U+4e00-4e0f,U+3042` per slice, as fontsource writes it, sorted for a binary search. */
const parseUnicodeRanges = (bySlice: Record<string, string>): Range[] =>
  Object.entries(bySlice)
    .flatMap(([slice, ranges]) =>
      ranges.split(',').map((r): Range => {
        const [from, to] = r.trim().replace(/^U\+/i, '').split('-');
        const start = parseInt(from!, 16);
        return { from: start, to: to ? parseInt(to, 16) : start, slice };
      }),
    )
    .sort((a, b) => a.from - b.from);

/**
 * Finds, per code point, a bundled face that has a glyph for it. Fonts are parsed once per process
 * and on first need (a Japanese slice only when a character of it appears).
 */
export class ReportFontFaces {
  private readonly primary = new Map<FontWeight, FontFace[]>();
  private readonly cjk = new Map<string, FontFace>();
  private cjkRanges: Range[] | null = null;
  private readonly memo = new Map<FontWeight, Map<number, FontFace | null>>();

  /** The faces of the Noto families other than Japanese, in priority order. */
  private primaryFaces(weight: FontWeight): FontFace[] {
    let faces = this.primary.get(weight);
    if (!faces) {
      faces = SLICES.flatMap(({ pkg, family, slices }) =>
        slices.map((slice) => loadFace(pkg, family, slice, weight)),
      );
      this.primary.set(weight, faces);
    }
    return faces;
  }

  /** The face used for text no bundled font covers (it draws the missing-glyph box). */
  fallback(weight: FontWeight): FontFace {
    return this.primaryFaces(weight)[0]!;
  }

  private cjkFace(codePoint: number, weight: FontWeight): FontFace | null {
    if (!this.cjkRanges) {
      const json = readFileSync(path.join(packageDir(CJK.pkg), 'unicode.json'), 'utf8');
      const numbered = Object.fromEntries(
        Object.entries(JSON.parse(json) as Record<string, string>)
          .filter(([slice]) => /^\[\d+\]$/.test(slice))
          .map(([slice, ranges]) => [slice.slice(1, -1), ranges]),
      );
      this.cjkRanges = parseUnicodeRanges(numbered);
    }
    const ranges = this.cjkRanges;
    let lo = 0;
    let hi = ranges.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const r = ranges[mid]!;
      if (codePoint < r.from) hi = mid - 1;
      else if (codePoint > r.to) lo = mid + 1;
      else {
        const key = `${r.slice}-${weight}`;
        let face = this.cjk.get(key);
        if (!face) {
          face = loadFace(CJK.pkg, CJK.family, r.slice, weight);
          this.cjk.set(key, face);
        }
        return face.font.hasGlyphForCodePoint(codePoint) ? face : null;
      }
    }
    return null;
  }

  /** The first bundled face with a glyph for `codePoint`, or null when none has one. */
  faceFor(codePoint: number, weight: FontWeight): FontFace | null {
    let memo = this.memo.get(weight);
    if (!memo) this.memo.set(weight, (memo = new Map()));
    const known = memo.get(codePoint);
    if (known !== undefined) return known;
    const face =
      this.primaryFaces(weight).find((f) => f.font.hasGlyphForCodePoint(codePoint)) ??
      this.cjkFace(codePoint, weight);
    memo.set(codePoint, face);
    return face;
  }
}

/** One per process: parsed fonts are reused by every PDF the worker writes. */
export const reportFontFaces = new ReportFontFaces();
