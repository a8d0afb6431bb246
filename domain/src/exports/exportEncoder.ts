import { csvRecord } from './csv';
import {
  exportCsvValues,
  exportJsonObject,
  type ExportableCustomer,
  type ExportColumn,
} from './exportColumns';

export const EXPORT_STREAM_FORMATS = ['csv', 'json'] as const;
export type ExportStreamFormat = (typeof EXPORT_STREAM_FORMATS)[number];

export const EXPORT_CONTENT_TYPES: Record<ExportStreamFormat, string> = {
  csv: 'text/csv; charset=utf-8; header=present',
  json: 'application/json; charset=utf-8',
};

/** Every kind of file an export or a report run writes: the streamed formats and PDF reports. */
export type ExportFileFormat = ExportStreamFormat | 'pdf';

export const EXPORT_FILE_CONTENT_TYPES: Record<ExportFileFormat, string> = {
  ...EXPORT_CONTENT_TYPES,
  pdf: 'application/pdf',
};

/**
 * Turns pages of customers into the text of an export, a piece at a time, so a writer can send
 * each piece as it comes: `begin()`, then `page(...)` for every page, then `end()`.
 * CSV: a header record, then one record per customer (RFC 4180, see `csv.ts`).
 * JSON: one array, one object per customer on its own line, so it streams and still parses as
 * a whole with any JSON parser.
 */
export type ExportEncoder = {
  begin(): string;
  page(customers: readonly ExportableCustomer[]): string;
  end(): string;
};

export const exportEncoder = (
  format: ExportStreamFormat,
  columns: readonly ExportColumn[],
): ExportEncoder => {
  if (format === 'csv') {
    return {
      begin: () => csvRecord(columns),
      page: (customers) => customers.map((c) => csvRecord(exportCsvValues(c, columns))).join(''),
      end: () => '',
    };
  }
  let first = true;
  return {
    begin: () => '[',
    page: (customers) =>
      customers
        .map((c) => {
          const line = `${first ? '\n' : ',\n'}${JSON.stringify(exportJsonObject(c, columns))}`;
          first = false;
          return line;
        })
        .join(''),
    end: () => (first ? ']\n' : '\n]\n'),
  };
};
