import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import type { ClientBase } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { Row } from './generateCustomer';

/** COPY text format: backslash, tab, newline and carriage return are escaped; NULL is \N. */
const escapeText = (s: string): string =>
  s.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r'));

/** A PostgreSQL array literal of text: every element quoted, `"` and `\` escaped inside. */
const arrayLiteral = (items: unknown[]): string =>
  `{${items.map((i) => (i === null || i === undefined ? 'NULL' : `"${String(i).replace(/[\\"]/g, (c) => `\\${c}`)}"`)).join(',')}}`;

const field = (value: unknown, jsonColumn: boolean): string => {
  if (value === null || value === undefined) return '\\N';
  if (typeof value === 'string') return escapeText(value);
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '\\N';
  if (typeof value === 'boolean') return value ? 't' : 'f';
  if (Array.isArray(value) && !jsonColumn) return escapeText(arrayLiteral(value));
  return escapeText(JSON.stringify(value));
};

const LINES_PER_CHUNK = 1_000;

/**
 * Streams rows into a table with COPY FROM STDIN (text format), the fastest way into
 * PostgreSQL: no SQL to parse per row, no parameter limits. `jsonColumns` names the
 * `table.column`s holding JSON (jsonb), whose arrays are JSON rather than PostgreSQL arrays
 * (text[]). Every row of a table must carry every column it sets. Runs on the caller's
 * client, so inside the caller's transaction.
 */
export const copyRows = async (
  client: ClientBase,
  table: string,
  rows: Row[],
  jsonColumns: ReadonlySet<string>,
): Promise<void> => {
  if (rows.length === 0) return;
  if (!/^[a-z_]+$/.test(table)) throw new Error(`unsafe table name: ${table}`);
  const columns = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  for (const c of columns) if (!/^[a-z_]+$/.test(c)) throw new Error(`unsafe column name: ${c}`);
  const json = columns.map((c) => jsonColumns.has(`${table}.${c}`));
  function* lines(): Generator<string> {
    let buffer = '';
    let n = 0;
    for (const row of rows) {
      buffer += `${columns.map((c, i) => field(row[c], json[i]!)).join('\t')}\n`;
      if (++n === LINES_PER_CHUNK) {
        yield buffer;
        buffer = '';
        n = 0;
      }
    }
    if (buffer) yield buffer;
  }
  const sink = client.query(
    copyFrom(`copy "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) from stdin`),
  );
  await pipeline(Readable.from(lines()), sink);
};
