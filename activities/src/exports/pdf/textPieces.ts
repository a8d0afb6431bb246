import bidiFactory from 'bidi-js';
import type { FontFace, FontWeight, ReportFontFaces } from './reportFontFaces';

const bidi = bidiFactory();

export type Direction = 'ltr' | 'rtl';

/**
 * A piece of a line drawn with one face, in the order it goes on the page from left to right.
 * `text` is what the face lays out: in logical order when `shapedRtl` (fontkit shapes it and
 * puts it in visual order itself, as it does for Arabic and Hebrew script), else already in
 * visual order.
 */
export type TextPiece = { text: string; face: FontFace; shapedRtl: boolean };

export type LaidOutLine = {
  pieces: TextPiece[];
  /** The direction of the text's paragraph. */
  direction: Direction;
};

/** `auto`: the direction of the text's first strong character (left to right if none). */
export type ParagraphDirection = 'auto' | 'rtl';

// Bidi classes of the right-to-left letters and what attaches to them.
const RTL_LETTER = new Set(['R', 'AL', 'NSM', 'BN']);
const SIMPLE = /^[\x20-\x7e]*$/;

/**
 * Splits `text` into pieces by font coverage and bidi level, in visual order (Unicode bidi
 * algorithm, UAX #9, by bidi-js). Each right-to-left run of Arabic or Hebrew letters stays one
 * piece in logical order so fontkit can join its letters; other characters at a right-to-left
 * level are reversed and mirrored here. A character keeps the face of the one before it when that
 * face has it, so spaces and digits stay inside the run around them.
 */
export const layOutLine = (
  text: string,
  faces: ReportFontFaces,
  weight: FontWeight,
  paragraph: ParagraphDirection,
): LaidOutLine => {
  if (paragraph === 'auto' && SIMPLE.test(text)) {
    const face = faces.faceFor(0x41, weight)!;
    return { pieces: text ? [{ text, face, shapedRtl: false }] : [], direction: 'ltr' };
  }
  const resolved = bidi.getEmbeddingLevels(text, paragraph);
  const direction: Direction = (resolved.paragraphs[0]?.level ?? 0) % 2 === 1 ? 'rtl' : 'ltr';

  // Per UTF-16 index: the face (on the first unit of a code point), its level and class.
  const faceAt: (FontFace | null)[] = new Array(text.length).fill(null);
  let previous: FontFace | null = null;
  for (let i = 0; i < text.length; ) {
    const cp = text.codePointAt(i)!;
    const face: FontFace =
      previous && previous.font.hasGlyphForCodePoint(cp)
        ? previous
        : (faces.faceFor(cp, weight) ?? faces.fallback(weight));
    faceAt[i] = face;
    previous = face;
    i += cp > 0xffff ? 2 : 1;
  }
  const rtlLetter = (i: number) =>
    resolved.levels[i]! % 2 === 1 && RTL_LETTER.has(bidi.getBidiCharTypeName(text[i]!));

  const order = bidi.getReorderedIndices(text, resolved);
  const pieces: TextPiece[] = [];
  let run: number[] = [];
  const flush = () => {
    if (run.length === 0) return;
    const face = faceAt[run[0]!]!;
    const shapedRtl = rtlLetter(run[0]!);
    let chars: string;
    if (shapedRtl) {
      // Visual order is descending: give fontkit the logical text.
      chars = text.slice(run[run.length - 1], run[0]! + 1);
    } else {
      chars = run
        .map((i) => {
          const c = text[i]!;
          return resolved.levels[i]! % 2 === 1 ? (bidi.getMirroredCharacter(c) ?? c) : c;
        })
        .join('');
    }
    pieces.push({ text: chars, face, shapedRtl });
    run = [];
  };
  for (const i of order) {
    // The low half of a surrogate pair is pushed with its high half (kept in order).
    if (faceAt[i] === null) continue;
    const last = run[run.length - 1];
    const sameRun =
      last !== undefined &&
      Math.abs(i - last) <= 2 &&
      faceAt[i] === faceAt[last] &&
      resolved.levels[i] === resolved.levels[last] &&
      rtlLetter(i) === rtlLetter(last);
    if (!sameRun) flush();
    run.push(i);
    const cp = text.codePointAt(i)!;
    if (cp > 0xffff) run.push(i + 1);
  }
  flush();
  return { pieces, direction };
};
