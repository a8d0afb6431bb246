import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as fontkit from 'fontkit';
import type { ReportDocument } from '@c360/domain';
import { renderReportPdf } from '../../renderReportPdf';
import { pdfText } from '../../__tests__/support/pdfText';
import { reportFontFaces } from '../reportFontFaces';
import { layOutLine } from '../textPieces';
import { embeddedFontFile, embeddedFontNames } from './support/pdfFonts';
import { pdfTextItems, type PdfTextItem } from './support/pdfTextItems';

// Customers of a tenant whose names are in several scripts, as the seeder makes them.
const NAMES = {
  arabic: 'محمد',
  arabicFull: 'ضياء ادريس',
  hebrew: 'דוד כהן',
  japanese: '山田 太郎',
  cyrillic: 'Дмитрий Иванов',
  greek: 'Γιώργος Παπαδόπουλος',
  french: 'Hélène Dupré',
  vietnamese: 'Nguyễn Thị Minh Khai',
  devanagari: 'अमित शर्मा',
};

const report = (rows: string[][]): ReportDocument => ({
  title: 'Customer list',
  parameters: [['Segment', 'عملاء VIP']],
  generatedAt: '2026-11-29 17:05 (Asia/Tokyo)',
  timeZone: 'Asia/Tokyo',
  tables: [{ title: 'Customers', columns: ['name', 'email'], rows }],
  chart: { kind: 'bar', title: 'Customers per stage', points: [{ label: 'ولاء', value: 3 }] },
});

/**
 * The PDF's text as pdf.js reads it, without the control characters it writes for glyphs that map
 * to no character: the dots and marks that Noto splits off a letter when it shapes it (pdfkit
 * writes an empty ToUnicode entry for them, and pdf.js falls back to the glyph's code).
 */
const readableText = async (pdf: Buffer): Promise<string> =>
  (await pdfText(pdf)).replace(/[\x00-\x08\x0b\x0c\x0e-\x1f]/g, '');

const familyOf = (faceName: string) =>
  faceName.replace(
    /-(latin|latin-ext|vietnamese|cyrillic|cyrillic-ext|greek|greek-ext|devanagari|arabic|hebrew|\d+)-(regular|bold)$/,
    '',
  );

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'c360-pdf-scripts-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('laying out a line', () => {
  it.each(Object.entries(NAMES))('finds a glyph for every character of the %s name', (_, name) => {
    const line = layOutLine(name, reportFontFaces, 'regular', 'auto');
    const glyphs = line.pieces.flatMap((p) => p.face.font.layout(p.text).glyphs);
    expect(glyphs.length).toBeGreaterThan(0);
    // Glyph 0 is .notdef, the box drawn for a character the font does not have.
    expect(glyphs.filter((g) => g.id === 0)).toEqual([]);
  });

  it('sets each script in its own family and shapes Arabic into joined forms', () => {
    const faces = (s: string) =>
      layOutLine(s, reportFontFaces, 'regular', 'auto').pieces.map((p) => familyOf(p.face.name));
    expect(new Set(faces(NAMES.arabic))).toEqual(new Set(['noto-sans-arabic']));
    expect(new Set(faces(NAMES.hebrew))).toEqual(new Set(['noto-sans-hebrew']));
    expect(new Set(faces('山田太郎'))).toEqual(new Set(['noto-sans-jp']));
    expect(new Set(faces(NAMES.cyrillic))).toEqual(new Set(['noto-sans']));

    const [piece] = layOutLine(NAMES.arabic, reportFontFaces, 'regular', 'auto').pieces;
    const run = piece!.face.font.layout(piece!.text);
    // Visual order (right to left): dal final, meem medial, hah medial, meem initial.
    expect(run.glyphs.map((g) => g.name)).toEqual([
      'uni062F.fina',
      'uni0645.medi',
      'uni062D.medi',
      'uni0645.init',
    ]);
  });

  it('puts a mixed line in visual order, a right-to-left paragraph when it starts in Arabic', () => {
    const line = layOutLine('محمد Smith 山田', reportFontFaces, 'regular', 'auto');
    expect(line.direction).toBe('rtl');
    const words = line.pieces.map((p) => ({ ...p, text: p.text.trim() })).filter((p) => p.text !== '');
    // From the left: the Latin-and-Japanese run in its own order, then the Arabic word (rightmost).
    expect(words.map((p) => [p.text, familyOf(p.face.name), p.shapedRtl])).toEqual([
      ['Smith', 'noto-sans', false],
      ['山田', 'noto-sans-jp', false],
      ['محمد', 'noto-sans-arabic', true],
    ]);

    const ltr = layOutLine('Order 12 for דוד כהן (VIP)', reportFontFaces, 'regular', 'auto');
    expect(ltr.direction).toBe('ltr');
    // The Hebrew words swap places; the Latin around them stays in reading order.
    expect(ltr.pieces.map((p) => p.text).join('')).toBe('Order 12 for כהן דוד (VIP)');
  });

  it('makes every line right to left in a right-to-left document', () => {
    expect(layOutLine('customerId', reportFontFaces, 'regular', 'rtl').direction).toBe('rtl');
    expect(layOutLine('customerId', reportFontFaces, 'regular', 'auto').direction).toBe('ltr');
  });
});

describe('a report PDF with names in several scripts', () => {
  let pdf: Buffer;
  beforeAll(async () => {
    const rows = Object.values(NAMES).map((n, i) => [n, `c${i}@example.com`]);
    rows.push(['محمد Smith 山田', 'mixed@example.com']);
    const file = path.join(dir, 'scripts.pdf');
    await renderReportPdf(report(rows), file);
    pdf = readFileSync(file);
  });

  it('embeds the Noto faces and no standard font', () => {
    const names = embeddedFontNames(pdf);
    expect(names).toEqual(
      expect.arrayContaining([
        'NotoSans-Bold',
        'NotoSans-Regular',
        'NotoSansArabic-Regular',
        'NotoSansHebrew-Regular',
        'NotoSansJP-Regular',
      ]),
    );
    expect(names.filter((n) => /Helvetica|Times|Courier/.test(n))).toEqual([]);
  });

  it('gives back the names in Latin, Cyrillic, Greek and Japanese script as text', async () => {
    // pdf.js puts a space where one run of a line ends and the next begins (Vietnamese letters
    // come from another slice of Noto Sans than the plain Latin ones).
    const text = (await readableText(pdf)).replace(/\s+/g, ' ');
    for (const name of [NAMES.cyrillic, NAMES.greek, NAMES.french, NAMES.vietnamese, NAMES.japanese])
      expect(text).toContain(name);
    expect(text).toContain('Smith');
  });

  it('draws Arabic and Hebrew as shaped glyphs whose text maps back to the letters', async () => {
    // pdf.js reads each right-to-left word back in logical order (it reverses runs of RTL
    // characters itself), the words of a phrase in the order they stand on the page, and may
    // break a word where a shaped glyph's advance leaves a gap: so compare without spaces, word
    // by word. Getting the letters back at all proves each shaped glyph maps to its character.
    const text = (await readableText(pdf)).replace(/\s+/g, '');
    for (const word of ['محمد', 'ضياء', 'ادريس', 'דוד', 'כהן', 'عملاء', 'ولاء']) expect(text).toContain(word);

    // The Arabic face embedded holds the joined forms of the name, not the isolated letters.
    const original = reportFontFaces.faceFor(0x645, 'regular')!.font;
    const embedded = fontkit.create(embeddedFontFile(pdf, 'NotoSansArabic-Regular')) as fontkit.Font;
    const outlines = new Set(
      Array.from({ length: embedded.numGlyphs }, (_, i) => embedded.getGlyph(i).path.toSVG()),
    );
    for (const g of original.layout('محمد').glyphs) expect(outlines.has(g.path.toSVG())).toBe(true);
    expect(outlines.has(original.glyphForCodePoint(0x645).path.toSVG())).toBe(false);
    expect(outlines.has(original.glyphForCodePoint(0x62d).path.toSVG())).toBe(false);
  });
});

describe('alignment', () => {
  // A4 is 595.28 points wide; the report's margins are 40, its two columns 257.64 wide each.
  const MARGIN = 40;
  const COLUMN = (595.28 - 2 * MARGIN) / 2;
  const render = async (direction: 'ltr' | 'rtl'): Promise<PdfTextItem[]> => {
    const file = path.join(dir, `${direction}.pdf`);
    await renderReportPdf(
      report([
        ['Hélène Dupré', 'a@example.com'],
        ['דוד כהן', 'b@example.com'],
      ]),
      file,
      { direction },
    );
    return pdfTextItems(readFileSync(file));
  };
  const item = (items: PdfTextItem[], str: string) => {
    const found = items.find((i) => i.str.includes(str));
    if (!found) throw new Error(`${str} not in ${JSON.stringify(items.map((i) => i.str))}`);
    return found;
  };

  it('aligns a right-to-left cell right and a left-to-right one left in a left-to-right table', async () => {
    const items = await render('ltr');
    expect(item(items, 'Hélène').x).toBeCloseTo(MARGIN + 2, 0);
    const hebrew = items.filter((i) => /[\u0590-\u05ff]/.test(i.str));
    const right = Math.max(...hebrew.map((i) => i.x + i.width));
    expect(right).toBeCloseTo(MARGIN + COLUMN - 2, 0);
    expect(item(items, 'name').x).toBeLessThan(item(items, 'email').x);
  });

  it('puts the first column on the right and aligns every cell right in a right-to-left table', async () => {
    const items = await render('rtl');
    expect(item(items, 'name').x).toBeGreaterThan(item(items, 'email').x);
    const latin = item(items, 'Hélène');
    expect(latin.x + latin.width).toBeCloseTo(595.28 - MARGIN - 2, 0);
    const mail = item(items, 'a@example.com');
    expect(mail.x + mail.width).toBeCloseTo(MARGIN + COLUMN - 2, 0);
  });
});
