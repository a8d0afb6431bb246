import { execFile } from 'node:child_process';
import path from 'node:path';

// pdf.js (the one pdf-parse uses) in a plain Node process: jest's sandbox refuses its dynamic
// imports (see exports/__tests__/support/pdfText.ts).
const READ_ITEMS = `
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
const chunks = [];
process.stdin.on('data', (c) => chunks.push(c)).on('end', async () => {
  const doc = await getDocument({ data: new Uint8Array(Buffer.concat(chunks)) }).promise;
  const page = await doc.getPage(1);
  const content = await page.getTextContent();
  const items = content.items
    .filter((i) => 'str' in i && i.str.trim() !== '')
    .map((i) => ({ str: i.str, x: i.transform[4], width: i.width }));
  process.stdout.write(JSON.stringify(items));
  await doc.destroy();
});`;

/** A text run of a PDF's first page: its text and where it starts and how wide it is, in points. */
export type PdfTextItem = { str: string; x: number; width: number };

/** The text runs of the first page of a PDF, as pdf.js finds them. */
export const pdfTextItems = (data: Buffer): Promise<PdfTextItem[]> =>
  new Promise((resolve, reject) => {
    const child = execFile(
      process.execPath,
      ['--input-type=module', '-e', READ_ITEMS],
      { cwd: path.resolve(__dirname, '..', '..', '..', '..', '..'), maxBuffer: 64 * 1024 * 1024 },
      (error, stdout) => (error ? reject(error) : resolve(JSON.parse(stdout) as PdfTextItem[])),
    );
    child.stdin!.end(data);
  });
