import type { FontFace, FontWeight } from './reportFontFaces';
import { reportFontFaces, type ReportFontFaces } from './reportFontFaces';
import { layOutLine, type Direction, type TextPiece } from './textPieces';

/**
 * `noto`: the bundled Noto faces, chosen per run of text, with bidi and shaping.
 * `standard`: pdfkit's built-in Helvetica only (Latin-1; other scripts come out as garbage). Kept
 * as the baseline the bench compares against.
 */
export type PdfFonts = 'noto' | 'standard';

export type TextStyle = { size: number; weight: FontWeight; color: string };

/** `start`: the side the line's direction begins on (left, or right for right-to-left). */
export type TextAlign = 'start' | 'center';

const ELLIPSIS = '…';
// pdfkit lays a string out word by word (split at spaces), caching each word per document; for a
// right-to-left run that would put its words in the wrong order, so such a run goes with an
// empty feature list, which makes pdfkit lay it out whole in one fontkit call (uncached).
// fontkit's default features (joining forms, ligatures, kerning) apply either way.
const WHOLE_RUN = { features: [] as PDFKit.Mixins.OpenTypeFeatures[] };
const layoutOf = (p: TextPiece) => (p.shapedRtl ? WHOLE_RUN : {});

type Measured = { pieces: TextPiece[]; widths: number[]; total: number; direction: Direction };

/**
 * Writes single lines of text into boxes on a pdfkit document, each in faces that have its
 * glyphs, right-to-left text shaped and in visual order. In a right-to-left document every line
 * is a right-to-left paragraph, aligned right; otherwise a line takes the direction of its first
 * strong character, and a right-to-left one is aligned right in its box.
 */
export class PdfTextWriter {
  private readonly registered = new Set<string>();

  constructor(
    private readonly pdf: PDFKit.PDFDocument,
    readonly fonts: PdfFonts,
    readonly direction: Direction,
    private readonly faces: ReportFontFaces = reportFontFaces,
  ) {}

  private use(face: FontFace, style: TextStyle): void {
    if (!this.registered.has(face.name)) {
      // pdfkit (0.20) takes a parsed fontkit font as well as a file: the process's parsed faces,
      // shared by every document, keep their glyph and layout tables instead of each document
      // parsing its own copy. Each document still embeds its own subset.
      this.pdf.registerFont(face.name, face.font as unknown as Buffer);
      this.registered.add(face.name);
    }
    this.pdf.font(face.name).fontSize(style.size);
  }

  private measure(text: string, style: TextStyle): Measured {
    const line = layOutLine(text, this.faces, style.weight, this.direction === 'rtl' ? 'rtl' : 'auto');
    const widths = line.pieces.map((p) => {
      this.use(p.face, style);
      return this.pdf.widthOfString(p.text, layoutOf(p));
    });
    return {
      pieces: line.pieces,
      widths,
      total: widths.reduce((s, w) => s + w, 0),
      direction: line.direction,
    };
  }

  /** The longest start of `text` (in code points) that fits `width` with an ellipsis after it. */
  private fit(text: string, width: number, style: TextStyle): Measured {
    const whole = this.measure(text, style);
    if (whole.total <= width) return whole;
    const chars = [...text];
    let lo = 0;
    let hi = chars.length - 1;
    let best = this.measure(ELLIPSIS, style);
    while (lo <= hi) {
      const mid = (lo + hi + 1) >> 1;
      const m = this.measure(chars.slice(0, mid).join('').trimEnd() + ELLIPSIS, style);
      if (m.total <= width) {
        best = m;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return best;
  }

  /**
   * Draws `text` on one line in the box from `x` to `x + width` with its top at `y`, cut to fit.
   * The document's cursor stays where it was: callers place lines themselves.
   */
  line(
    text: string,
    x: number,
    y: number,
    width: number,
    style: TextStyle,
    align: TextAlign = 'start',
  ): void {
    if (!text) return;
    const cursor = { x: this.pdf.x, y: this.pdf.y };
    try {
      this.draw(text, x, y, width, style, align);
    } finally {
      this.pdf.x = cursor.x;
      this.pdf.y = cursor.y;
    }
  }

  private draw(text: string, x: number, y: number, width: number, style: TextStyle, align: TextAlign): void {
    if (this.fonts === 'standard') {
      this.pdf
        .font(style.weight === 'bold' ? 'Helvetica-Bold' : 'Helvetica')
        .fontSize(style.size)
        .fillColor(style.color)
        .text(text, x, y, {
          width,
          lineBreak: false,
          ellipsis: true,
          align: align === 'center' ? 'center' : this.direction === 'rtl' ? 'right' : 'left',
        });
      return;
    }
    const m = this.fit(text, width, style);
    let at = align === 'center' ? x + (width - m.total) / 2 : m.direction === 'rtl' ? x + width - m.total : x;
    // One baseline for every face (their ascenders differ: Arabic's is taller), where Noto Sans
    // would put it with `y` as the top of the line.
    const latin = this.faces.fallback(style.weight).font;
    const baseline = y + (latin.ascent / latin.unitsPerEm) * style.size;
    m.pieces.forEach((p, i) => {
      this.use(p.face, style);
      this.pdf
        .fillColor(style.color)
        .text(p.text, at, baseline, { lineBreak: false, baseline: 'alphabetic', ...layoutOf(p) });
      at += m.widths[i]!;
    });
  }

  /** The width `text` takes on one line, uncut. */
  widthOf(text: string, style: TextStyle): number {
    if (this.fonts === 'standard') {
      return this.pdf
        .font(style.weight === 'bold' ? 'Helvetica-Bold' : 'Helvetica')
        .fontSize(style.size)
        .widthOfString(text);
    }
    return this.measure(text, style).total;
  }
}
