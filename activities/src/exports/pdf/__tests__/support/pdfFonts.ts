import { inflateSync } from 'node:zlib';

/** The body of object `id` of a PDF (uncompressed object streams, as pdfkit writes them). */
const objectBody = (pdf: string, id: number): string => {
  const start = pdf.search(new RegExp(`(^|\\n)${id} 0 obj\\b`));
  if (start < 0) throw new Error(`object ${id} not found`);
  const end = pdf.indexOf('endobj', start);
  return pdf.slice(start, end);
};

/** The names of the fonts a PDF embeds, without their subset prefix (`NotoSansArabic-Regular`). */
export const embeddedFontNames = (data: Buffer): string[] => {
  const pdf = data.toString('latin1');
  return [...new Set([...pdf.matchAll(/\/BaseFont \/(?:[A-Z]{6}\+)?([\w-]+)/g)].map((m) => m[1]!))].sort();
};

/** The font program (a TrueType subset) the PDF embeds for the font named `name`. */
export const embeddedFontFile = (data: Buffer, name: string): Buffer => {
  const pdf = data.toString('latin1');
  for (const m of pdf.matchAll(/\/FontName \/(?:[A-Z]{6}\+)?([\w-]+)[^>]*?\/FontFile2 (\d+) 0 R/g)) {
    if (m[1] !== name) continue;
    const body = objectBody(pdf, Number(m[2]));
    const from = body.indexOf('stream') + 'stream'.length;
    const raw = body.slice(from, body.lastIndexOf('endstream')).replace(/^\r?\n/, '');
    const bytes = Buffer.from(raw, 'latin1');
    return /\/FlateDecode/.test(body.slice(0, from)) ? inflateSync(bytes) : bytes;
  }
  throw new Error(`no embedded font file for ${name}`);
};
