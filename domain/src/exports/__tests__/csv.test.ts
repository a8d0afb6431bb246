import fc from 'fast-check';
import { parse } from 'csv-parse/sync';
import { csvCell, csvRecord, neutraliseFormula, toCsv } from '../csv';

const parseBack = (text: string): string[][] =>
  parse(text, { relax_column_count: false, record_delimiter: '\r\n' }) as string[][];

describe('CSV writer (RFC 4180)', () => {
  it('terminates every record with CRLF and writes the header first', () => {
    expect(toCsv(['a', 'b'], [['1', '2']])).toBe('a,b\r\n1,2\r\n');
  });

  it('quotes cells holding a comma, a quote, CR or LF, and doubles the quotes', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('line\nbreak')).toBe('"line\nbreak"');
    expect(csvCell('plain')).toBe('plain');
  });

  it('writes empty cells for null and undefined, and numbers and booleans as they are', () => {
    expect(csvRecord([null, undefined, -12.5, true, 0])).toBe(',,-12.5,true,0\r\n');
  });

  it.each(['=1+1', '+33612345678', '-2', '@SUM(A1)', '\tx', '\r=1'])(
    'neutralises the formula-starting text %j with a leading apostrophe',
    (text) => {
      expect(neutraliseFormula(text)).toBe(`'${text}`);
      expect(parseBack(csvRecord([text]))[0]![0]).toBe(`'${text}`);
    },
  );

  it('leaves text that starts a formula only further in untouched', () => {
    expect(csvCell('a=1')).toBe('a=1');
    expect(csvCell(" '=1")).toBe(" '=1");
  });

  it('parses back to its input with csv-parse, for any text (neutralised where it would start a formula)', () => {
    const cell = fc.string({ unit: 'grapheme', maxLength: 12 });
    const table = fc.integer({ min: 1, max: 5 }).chain((width) =>
      fc.record({
        header: fc.array(fc.stringMatching(/^[a-z][a-zA-Z]{0,10}$/), { minLength: width, maxLength: width }),
        rows: fc.array(fc.array(cell, { minLength: width, maxLength: width }), { maxLength: 8 }),
      }),
    );
    fc.assert(
      fc.property(table, ({ header, rows }) => {
        const parsed = parseBack(toCsv(header, rows));
        expect(parsed).toEqual([header, ...rows.map((r) => r.map(neutraliseFormula))]);
      }),
      { numRuns: 300 },
    );
  });

  it('round-trips text that starts no formula exactly', () => {
    const safe = fc.string({ unit: 'binary', maxLength: 10 }).filter((s) => !/^[=+\-@\t\r]/.test(s));
    fc.assert(
      fc.property(
        fc.array(fc.array(safe, { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 6 }),
        (rows) => {
          expect(parseBack(toCsv(['a', 'b', 'c'], rows)).slice(1)).toEqual(rows);
        },
      ),
      { numRuns: 300 },
    );
  });
});
