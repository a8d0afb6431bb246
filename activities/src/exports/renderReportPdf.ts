import { createWriteStream } from 'node:fs';
import { finished } from 'node:stream/promises';
import PDFDocument from 'pdfkit';
import type { CsvValue, ReportChart, ReportDocument, ReportTable } from '@c360/domain';
import { PdfTextWriter, type PdfFonts, type TextStyle } from './pdf/pdfTextWriter';
import type { Direction } from './pdf/textPieces';

const MARGIN = 40;
const ROW_HEIGHT = 14;
const INK = '#1f2933';
const MUTED = '#616e7c';
const BAR = '#2f6fd1';

const style = (size: number, weight: TextStyle['weight'], color: string): TextStyle => ({
  size,
  weight,
  color,
});

/** Writes one line across the page's text width and moves below it. */
const paragraph = (pdf: PDFKit.PDFDocument, out: PdfTextWriter, text: string, s: TextStyle): void => {
  out.line(text, MARGIN, pdf.y, pdf.page.width - 2 * MARGIN, s);
  pdf.y += s.size * 1.35;
};

const cellText = (value: CsvValue): string =>
  value === null || value === undefined ? '' : typeof value === 'number' ? String(value) : String(value);

const drawChart = (pdf: PDFKit.PDFDocument, out: PdfTextWriter, chart: ReportChart): void => {
  const width = pdf.page.width - 2 * MARGIN;
  const height = 150;
  paragraph(pdf, out, chart.title, style(11, 'bold', INK));
  const top = pdf.y + 6;
  const bottom = top + height;
  const values = chart.points.map((p) => p.value ?? 0);
  const max = Math.max(1, ...values);
  // Axes: the baseline and the left edge, with the top value written beside it.
  pdf
    .lineWidth(0.5)
    .strokeColor(MUTED)
    .moveTo(MARGIN, top)
    .lineTo(MARGIN, bottom)
    .lineTo(MARGIN + width, bottom)
    .stroke();
  out.line(String(max), MARGIN + 2, top - 2, 60, style(7, 'regular', MUTED));
  const slot = width / Math.max(1, chart.points.length);
  const yOf = (v: number) => bottom - (v / max) * (height - 12);
  if (chart.kind === 'bar') {
    chart.points.forEach((p, i) => {
      const x = MARGIN + i * slot + slot * 0.15;
      const v = p.value ?? 0;
      pdf.rect(x, yOf(v), slot * 0.7, bottom - yOf(v)).fill(BAR);
    });
  } else {
    const drawn = chart.points
      .map((p, i) => ({ x: MARGIN + i * slot + slot / 2, v: p.value }))
      .filter((p): p is { x: number; v: number } => p.v !== null);
    drawn.forEach((p, i) => (i === 0 ? pdf.moveTo(p.x, yOf(p.v)) : pdf.lineTo(p.x, yOf(p.v))));
    if (drawn.length > 1) pdf.lineWidth(1.5).strokeColor(BAR).stroke();
    for (const p of drawn) pdf.circle(p.x, yOf(p.v), 2).fill(BAR);
  }
  // Every label when they fit, else every n-th, so a 52-week chart stays readable.
  const small6 = style(6, 'regular', MUTED);
  const every = Math.ceil(chart.points.length / Math.max(1, Math.floor(width / 40)));
  chart.points.forEach((p, i) => {
    if (i % every !== 0) return;
    // Centred under its bar, so a right-to-left label does not run into the next one.
    const labelWidth = Math.max(slot * every, 30);
    out.line(p.label, MARGIN + i * slot + (slot - labelWidth) / 2, bottom + 3, labelWidth, small6, 'center');
  });
  pdf.x = MARGIN;
  pdf.y = bottom + 18;
};

const drawTable = (pdf: PDFKit.PDFDocument, out: PdfTextWriter, table: ReportTable): void => {
  const width = pdf.page.width - 2 * MARGIN;
  const colWidth = width / Math.max(1, table.columns.length);
  const limit = pdf.page.height - MARGIN - ROW_HEIGHT;
  // A right-to-left document puts the first column on the right.
  const columnX = (i: number) =>
    out.direction === 'rtl' ? MARGIN + width - (i + 1) * colWidth : MARGIN + i * colWidth;
  const row = (cells: string[], bold: boolean) => {
    if (pdf.y > limit) pdf.addPage();
    const y = pdf.y;
    const s = style(8, bold ? 'bold' : 'regular', INK);
    cells.forEach((c, i) => out.line(c, columnX(i) + 2, y, colWidth - 4, s));
    pdf.y = y + ROW_HEIGHT;
    pdf
      .lineWidth(0.3)
      .strokeColor('#cbd2d9')
      .moveTo(MARGIN, pdf.y - 3)
      .lineTo(MARGIN + width, pdf.y - 3)
      .stroke();
  };
  if (pdf.y > limit - 3 * ROW_HEIGHT) pdf.addPage();
  paragraph(pdf, out, table.title, style(11, 'bold', INK));
  pdf.y += 3;
  row(table.columns, true);
  for (const r of table.rows) row(r.map(cellText), false);
  if (table.note) {
    pdf.y += 2;
    paragraph(pdf, out, table.note, style(8, 'regular', MUTED));
  }
  pdf.x = MARGIN;
  pdf.y += 12;
};

export type RenderPdfOptions = {
  /** `rtl` (an Arabic-speaking reader): columns from right to left, every line aligned right. */
  direction?: Direction;
  fonts?: PdfFonts;
};

/**
 * Writes a report as a PDF (pdfkit): the title, its parameters and generation time in the
 * tenant's zone, the chart drawn with the vector API, then each table, continued on new pages.
 * Text is set in the bundled Noto faces, each run in one that has its glyphs (see PdfTextWriter).
 * Resolves with the file's size once it is flushed to disk.
 */
export const renderReportPdf = async (
  report: ReportDocument,
  target: string,
  options: RenderPdfOptions = {},
): Promise<number> => {
  const pdf = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    info: { Title: report.title, Creator: 'Customer 360' },
  });
  const out = createWriteStream(target);
  let bytes = 0;
  pdf.on('data', (chunk: Buffer) => (bytes += chunk.length));
  pdf.pipe(out);
  const text = new PdfTextWriter(pdf, options.fonts ?? 'noto', options.direction ?? 'ltr');
  paragraph(pdf, text, report.title, style(18, 'bold', INK));
  pdf.y += 4;
  const small = style(9, 'regular', MUTED);
  for (const [label, value] of report.parameters) paragraph(pdf, text, `${label}: ${value}`, small);
  paragraph(pdf, text, `Generated: ${report.generatedAt}`, small);
  pdf.y += 12;
  if (report.chart && report.chart.points.length > 0) drawChart(pdf, text, report.chart);
  for (const table of report.tables) drawTable(pdf, text, table);
  pdf.end();
  await finished(out);
  return bytes;
};
