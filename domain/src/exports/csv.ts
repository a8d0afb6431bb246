/**
 * CSV as RFC 4180 says: comma-separated, CRLF after every record (the last too), a cell quoted
 * when it holds a quote, a comma, CR or LF, and a quote inside a quoted cell doubled.
 *
 * Exports open in spreadsheets, which run a cell starting with = + - @ (or a tab or CR that
 * hides one) as a formula: a customer who names themselves `=HYPERLINK(...)` would run code on
 * the marketer's machine. Text cells starting with one of those get a leading apostrophe, which
 * spreadsheets show as text and do not evaluate (OWASP's advice on CSV injection). Numbers and
 * booleans are ours, not the customer's, and stay as they are so `-12.5` is still a number.
 */
export type CsvValue = string | number | boolean | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** A text cell as a spreadsheet will show it: text that would start a formula gets a leading `'`. */
export const neutraliseFormula = (text: string): string => (FORMULA_START.test(text) ? `'${text}` : text);

/** One cell, neutralised (text only) and quoted as needed. `null` and `undefined` are empty. */
export const csvCell = (value: CsvValue): string => {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  const text = neutraliseFormula(value);
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/** One record, CRLF-terminated. */
export const csvRecord = (values: readonly CsvValue[]): string => `${values.map(csvCell).join(',')}\r\n`;

/** A whole document: the header record, then one record per row. */
export const toCsv = (header: readonly string[], rows: readonly (readonly CsvValue[])[]): string =>
  csvRecord(header) + rows.map(csvRecord).join('');
