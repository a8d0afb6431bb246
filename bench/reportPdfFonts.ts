import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { CsvValue, ReportDocument } from '@c360/domain';
import { PDF_MAX_ROWS } from '../activities/src/exports/reportDocuments';
import { renderReportPdf, type RenderPdfOptions } from '../activities/src/exports/renderReportPdf';
import { SeedRandom } from '../store/src/seed/seedRandom';

/**
 * Cost of the bundled fonts in a report PDF: time to write and size of a customer list of 500
 * rows (the most a PDF lists) with the Noto faces (per-run font choice, bidi, shaping, embedded
 * subsets) against pdfkit's built-in Helvetica (no embedding; non-Latin names come out as
 * garbage), the same document, in the same run, renders interleaved. Names come from the
 * seeder's generator in its languages (en, fr, ar, es, de, pt, it, nl, tr, ja), a tenth each.
 * The first render of each kind (fonts parsed, code warmed) is reported apart.
 *
 *   node node_modules/tsx/dist/cli.mjs bench/reportPdfFonts.ts [renders=30]
 */
const renders = Number(process.argv[2] ?? 30);
const LANGUAGES = ['en', 'fr', 'ar', 'es', 'de', 'pt', 'it', 'nl', 'tr', 'ja'] as const;
const STAGES = ['lead', 'customer', 'loyal', 'at_risk', 'churned'];

const documentOf = (): ReportDocument => {
  const rng = new SeedRandom().reseed([42]);
  const rows: CsvValue[][] = Array.from({ length: PDF_MAX_ROWS }, (_, i) => {
    const { firstName, lastName } = rng.name(LANGUAGES[i % LANGUAGES.length]!);
    return [firstName, lastName, `customer${i}@example.com`, rng.pick(STAGES), rng.int(0, 5000)];
  });
  return {
    title: 'Customer list',
    parameters: [
      ['Segment', 'VIP'],
      ['Customers', '12000'],
    ],
    generatedAt: '2026-11-29 17:05 (Europe/Paris)',
    timeZone: 'Europe/Paris',
    tables: [
      {
        title: 'Customers',
        columns: ['firstName', 'lastName', 'email', 'lifecycleStage', 'totalSpent'],
        rows,
        note: `The first ${PDF_MAX_ROWS} of 12000 customers; the CSV export has them all.`,
      },
    ],
    chart: {
      kind: 'bar',
      title: 'Customers per lifecycle stage',
      points: STAGES.map((label, i) => ({ label, value: 100 * (i + 1) })),
    },
  };
};

const percentile = (sorted: number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;

type Kind = { name: string; options: RenderPdfOptions; times: number[]; first: number; bytes: number };

const main = async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'c360-bench-pdf-'));
  const doc = documentOf();
  const kinds: Kind[] = [
    { name: 'helvetica', options: { fonts: 'standard' }, times: [], first: NaN, bytes: 0 },
    { name: 'noto', options: { fonts: 'noto' }, times: [], first: NaN, bytes: 0 },
    { name: 'noto-rtl', options: { fonts: 'noto', direction: 'rtl' }, times: [], first: NaN, bytes: 0 },
  ];
  try {
    for (let round = 0; round <= renders; round++) {
      for (const kind of kinds) {
        const file = path.join(dir, `${kind.name}.pdf`);
        const t0 = performance.now();
        await renderReportPdf(doc, file, kind.options);
        const ms = performance.now() - t0;
        if (round === 0) kind.first = ms;
        else kind.times.push(ms);
        kind.bytes = statSync(file).size;
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const base = kinds[0]!;
  const p = (k: Kind, q: number) =>
    percentile(
      [...k.times].sort((a, b) => a - b),
      q,
    );
  console.log(`report PDF, ${PDF_MAX_ROWS} rows, ${renders} renders of each kind (interleaved)`);
  for (const k of kinds) {
    console.log(
      `${k.name.padEnd(10)} first ${k.first.toFixed(0)} ms | p50 ${p(k, 50).toFixed(0)} ms p95 ${p(k, 95).toFixed(0)} ms` +
        ` | ${(k.bytes / 1024).toFixed(0)} KiB` +
        (k === base
          ? ''
          : ` | ratio to helvetica: p50 ×${(p(k, 50) / p(base, 50)).toFixed(2)} p95 ×${(p(k, 95) / p(base, 95)).toFixed(2)} size ×${(k.bytes / base.bytes).toFixed(2)}`),
    );
  }
};

void main();
