import { execFile } from 'node:child_process';
import path from 'node:path';

// pdf.js (inside pdf-parse) loads its worker with a dynamic import, which jest's module sandbox
// refuses; a plain Node process reads the PDF instead.
const READ_PDF = `
const { PDFParse } = require('pdf-parse');
const chunks = [];
process.stdin.on('data', (c) => chunks.push(c)).on('end', async () => {
  const parser = new PDFParse({ data: new Uint8Array(Buffer.concat(chunks)) });
  const result = await parser.getText();
  process.stdout.write(result.text);
  await parser.destroy();
});`;

/** The text of a PDF as pdf.js extracts it, page by page. */
export const pdfText = (data: Buffer): Promise<string> =>
  new Promise((resolve, reject) => {
    const child = execFile(
      process.execPath,
      ['-e', READ_PDF],
      { cwd: path.resolve(__dirname, '..', '..', '..', '..'), maxBuffer: 64 * 1024 * 1024 },
      (error, stdout) => (error ? reject(error) : resolve(stdout)),
    );
    child.stdin!.end(data);
  });
