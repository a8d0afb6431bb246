import { createWriteStream } from 'node:fs';
import { finished } from 'node:stream/promises';
import PDFDocument from 'pdfkit';
import type { CsvValue, ReportChart, ReportDocument, ReportTable } from '@c360/domain';

const MARGIN = 40;
const ROW_HEIGHT = 14;
const INK = '#1f2933';
const MUTED = '#616e7c';
const BAR = '#2f6fd1';

const cellText = (value: CsvValue): string =>
  value === null || value === undefined ? '' : typeof value === 'number' ? String(value) : String(value);

const drawChart = (pdf: PDFKit.PDFDocument, chart: ReportChart): void => {
  const width = pdf.page.width - 2 * MARGIN;
  const height = 150;
  pdf.font('Helvetica-Bold').fontSize(11).fillColor(INK).text(chart.title, MARGIN, pdf.y);
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
  pdf
    .font('Helvetica')
    .fontSize(7)
    .fillColor(MUTED)
    .text(String(max), MARGIN + 2, top - 2, { lineBreak: false });
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
  const every = Math.ceil(chart.points.length / Math.max(1, Math.floor(width / 40)));
  pdf.font('Helvetica').fontSize(6).fillColor(MUTED);
  chart.points.forEach((p, i) => {
    if (i % every !== 0) return;
    pdf.text(p.label, MARGIN + i * slot, bottom + 3, {
      width: Math.max(slot * every, 30),
      lineBreak: false,
      ellipsis: true,
    });
  });
  pdf.x = MARGIN;
  pdf.y = bottom + 18;
};

const drawTable = (pdf: PDFKit.PDFDocument, table: ReportTable): void => {
  const width = pdf.page.width - 2 * MARGIN;
  const colWidth = width / Math.max(1, table.columns.length);
  const limit = pdf.page.height - MARGIN - ROW_HEIGHT;
  const row = (cells: string[], bold: boolean) => {
    if (pdf.y > limit) pdf.addPage();
    const y = pdf.y;
    pdf
      .font(bold ? 'Helvetica-Bold' : 'Helvetica')
      .fontSize(8)
      .fillColor(INK);
    cells.forEach((c, i) =>
      pdf.text(c, MARGIN + i * colWidth + 2, y, { width: colWidth - 4, lineBreak: false, ellipsis: true }),
    );
    pdf.y = y + ROW_HEIGHT;
    pdf
      .lineWidth(0.3)
      .strokeColor('#cbd2d9')
      .moveTo(MARGIN, pdf.y - 3)
      .lineTo(MARGIN + width, pdf.y - 3)
      .stroke();
  };
  if (pdf.y > limit - 3 * ROW_HEIGHT) pdf.addPage();
  pdf.font('Helvetica-Bold').fontSize(11).fillColor(INK).text(table.title, MARGIN, pdf.y);
  pdf.moveDown(0.3);
  row(table.columns, true);
  for (const r of table.rows) row(r.map(cellText), false);
  if (table.note)
    pdf
      .font('Helvetica-Oblique')
      .fontSize(8)
      .fillColor(MUTED)
      .text(table.note, MARGIN, pdf.y + 2);
  pdf.x = MARGIN;
  pdf.moveDown(1);
};

/**
 * Writes a report as a PDF (pdfkit): the title, its parameters and generation time in the
 * tenant's zone, the chart drawn with the vector API, then each table, continued on new pages.
 * Resolves with the file's size once it is flushed to disk.
 */
export const renderReportPdf = async (report: ReportDocument, target: string): Promise<number> => {
  const pdf = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    info: { Title: report.title, Creator: 'Customer 360' },
  });
  const out = createWriteStream(target);
  let bytes = 0;
  pdf.on('data', (chunk: Buffer) => (bytes += chunk.length));
  pdf.pipe(out);
  pdf.font('Helvetica-Bold').fontSize(18).fillColor(INK).text(report.title);
  pdf.moveDown(0.3);
  pdf.font('Helvetica').fontSize(9).fillColor(MUTED);
  for (const [label, value] of report.parameters) pdf.text(`${label}: ${value}`);
  pdf.text(`Generated: ${report.generatedAt}`);
  pdf.moveDown(1);
  if (report.chart && report.chart.points.length > 0) drawChart(pdf, report.chart);
  for (const table of report.tables) drawTable(pdf, table);
  pdf.end();
  await finished(out);
  return bytes;
};
