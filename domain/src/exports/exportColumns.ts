import type { CsvValue } from './csv';

/**
 * The fields of an indexed customer an export may carry. Structural, so the domain does not
 * depend on the store's document type; the store's `CustomerDocument` satisfies it.
 */
export type ExportableCustomer = {
  customerId: string;
  firstName: string;
  lastName: string;
  emails: string[];
  phones: string[];
  tags: string[];
  language: string;
  timeZone: string;
  lifecycleStage: string | null;
  isVip: boolean;
  createdAt: string;
  updatedAt: string;
  preferences: { optedIn: string[] };
  stats: {
    ordersWon: number;
    revenueWon: number;
    lastOrderAt: string | null;
    openTickets: number;
    lastActivityAt: string | null;
  };
};

type ColumnSpec = {
  /** The search-document fields the column reads: the export fetches only these. */
  source: readonly string[];
  /** The value in a JSON export. */
  json: (c: ExportableCustomer) => unknown;
  /** The cell in a CSV export (lists joined by `; `). */
  csv: (c: ExportableCustomer) => CsvValue;
};

const list = (values: string[]): string => values.join('; ');

/**
 * The allowlist of export columns. A column is a name of ours, never a raw document path, so an
 * export cannot reach fields outside this list (custom fields, scores, owner ids).
 */
export const EXPORT_COLUMNS = {
  id: { source: ['customerId'], json: (c) => c.customerId, csv: (c) => c.customerId },
  firstName: { source: ['firstName'], json: (c) => c.firstName, csv: (c) => c.firstName },
  lastName: { source: ['lastName'], json: (c) => c.lastName, csv: (c) => c.lastName },
  email: { source: ['emails'], json: (c) => c.emails[0] ?? null, csv: (c) => c.emails[0] ?? null },
  emails: { source: ['emails'], json: (c) => c.emails, csv: (c) => list(c.emails) },
  phone: { source: ['phones'], json: (c) => c.phones[0] ?? null, csv: (c) => c.phones[0] ?? null },
  tags: { source: ['tags'], json: (c) => c.tags, csv: (c) => list(c.tags) },
  language: { source: ['language'], json: (c) => c.language, csv: (c) => c.language },
  timeZone: { source: ['timeZone'], json: (c) => c.timeZone, csv: (c) => c.timeZone },
  lifecycleStage: {
    source: ['lifecycleStage'],
    json: (c) => c.lifecycleStage,
    csv: (c) => c.lifecycleStage,
  },
  isVip: { source: ['isVip'], json: (c) => c.isVip, csv: (c) => c.isVip },
  optedIn: {
    source: ['preferences.optedIn'],
    json: (c) => c.preferences.optedIn,
    csv: (c) => list(c.preferences.optedIn),
  },
  ordersWon: { source: ['stats.ordersWon'], json: (c) => c.stats.ordersWon, csv: (c) => c.stats.ordersWon },
  revenueWon: {
    source: ['stats.revenueWon'],
    json: (c) => c.stats.revenueWon,
    csv: (c) => c.stats.revenueWon,
  },
  lastOrderAt: {
    source: ['stats.lastOrderAt'],
    json: (c) => c.stats.lastOrderAt,
    csv: (c) => c.stats.lastOrderAt,
  },
  openTickets: {
    source: ['stats.openTickets'],
    json: (c) => c.stats.openTickets,
    csv: (c) => c.stats.openTickets,
  },
  lastActivityAt: {
    source: ['stats.lastActivityAt'],
    json: (c) => c.stats.lastActivityAt,
    csv: (c) => c.stats.lastActivityAt,
  },
  createdAt: { source: ['createdAt'], json: (c) => c.createdAt, csv: (c) => c.createdAt },
  updatedAt: { source: ['updatedAt'], json: (c) => c.updatedAt, csv: (c) => c.updatedAt },
} as const satisfies Record<string, ColumnSpec>;

export type ExportColumn = keyof typeof EXPORT_COLUMNS;
export const EXPORT_COLUMN_NAMES = Object.keys(EXPORT_COLUMNS) as ExportColumn[];

/** What an export carries when the caller names no columns. */
export const DEFAULT_EXPORT_COLUMNS: readonly ExportColumn[] = [
  'id',
  'firstName',
  'lastName',
  'email',
  'phone',
  'language',
  'lifecycleStage',
  'isVip',
];

export const isExportColumn = (name: string): name is ExportColumn =>
  Object.prototype.hasOwnProperty.call(EXPORT_COLUMNS, name);

/** The document fields the chosen columns read (the `_source` filter of the export's search). */
export const exportSourceFields = (columns: readonly ExportColumn[]): string[] => [
  ...new Set(['customerId', ...columns.flatMap((c) => EXPORT_COLUMNS[c].source)]),
];

/** One customer as a CSV record's values, in column order. */
export const exportCsvValues = (c: ExportableCustomer, columns: readonly ExportColumn[]): CsvValue[] =>
  columns.map((name) => EXPORT_COLUMNS[name].csv(c));

/** One customer as a JSON object with the chosen columns as keys, in column order. */
export const exportJsonObject = (
  c: ExportableCustomer,
  columns: readonly ExportColumn[],
): Record<string, unknown> => Object.fromEntries(columns.map((name) => [name, EXPORT_COLUMNS[name].json(c)]));
