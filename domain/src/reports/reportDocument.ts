import type { CsvValue } from '../exports/csv';

/** A table of a report: the first one of a document is what its CSV holds. */
export type ReportTable = {
  title: string;
  columns: string[];
  rows: CsvValue[][];
  /** Said under the table, e.g. that a PDF lists only the first rows. */
  note?: string;
};

/** One chart of a report, drawn as vector bars or a line in the PDF. */
export type ReportChart = {
  kind: 'bar' | 'line';
  title: string;
  points: { label: string; value: number | null }[];
};

/** What a report run renders, whatever the format: the same numbers in the CSV and the PDF. */
export type ReportDocument = {
  title: string;
  /** The parameters as a reader should see them, in order. */
  parameters: [label: string, value: string][];
  /** When it was generated, written in the tenant's time zone. */
  generatedAt: string;
  timeZone: string;
  tables: ReportTable[];
  chart: ReportChart | null;
};

/** A moment as people of `timeZone` read it: `2026-11-29 17:05 (Europe/Paris)`. */
export const formatInZone = (at: Date, timeZone: string): string => {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  return `${parts['year']}-${parts['month']}-${parts['day']} ${parts['hour']}:${parts['minute']} (${timeZone})`;
};
