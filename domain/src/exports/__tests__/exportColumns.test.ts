import {
  DEFAULT_EXPORT_COLUMNS,
  exportCsvValues,
  exportJsonObject,
  exportSourceFields,
  isExportColumn,
  type ExportableCustomer,
} from '../exportColumns';
import { exportEncoder } from '../exportEncoder';
import { exportFileName } from '../exportFileName';

const customer: ExportableCustomer = {
  customerId: 'c1',
  firstName: 'Zoé',
  lastName: 'Lefèvre',
  emails: ['zoe@example.fr', 'z@example.com'],
  phones: ['+33612345678'],
  tags: ['wine', 'vip-lounge'],
  language: 'fr',
  timeZone: 'Europe/Paris',
  lifecycleStage: 'loyal',
  isVip: true,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-02T00:00:00.000Z',
  preferences: { optedIn: ['email'] },
  stats: { ordersWon: 3, revenueWon: 120.5, lastOrderAt: null, openTickets: 0, lastActivityAt: null },
};

describe('export columns', () => {
  it('accepts only allowlisted names, never a document path', () => {
    expect(isExportColumn('email')).toBe(true);
    expect(isExportColumn('customFields')).toBe(false);
    expect(isExportColumn('stats.revenueWon')).toBe(false);
    expect(isExportColumn('__proto__')).toBe(false);
    expect(isExportColumn('toString')).toBe(false);
  });

  it('reads only the fields its columns need from the index', () => {
    expect(exportSourceFields(['email', 'emails', 'revenueWon'])).toEqual([
      'customerId',
      'emails',
      'stats.revenueWon',
    ]);
  });

  it('gives lists joined in CSV and as arrays in JSON, in column order', () => {
    expect(exportCsvValues(customer, ['tags', 'id', 'revenueWon'])).toEqual([
      'wine; vip-lounge',
      'c1',
      120.5,
    ]);
    expect(exportJsonObject(customer, ['tags', 'isVip'])).toEqual({
      tags: ['wine', 'vip-lounge'],
      isVip: true,
    });
    expect(exportCsvValues(customer, DEFAULT_EXPORT_COLUMNS)).toHaveLength(DEFAULT_EXPORT_COLUMNS.length);
  });

  it('names the file after the segment and the UTC minute', () => {
    expect(exportFileName('VIP à Paris!', 'csv', new Date('2026-11-29T10:05:59Z'))).toBe(
      'vip-a-paris-20261129-1005.csv',
    );
    expect(exportFileName('***', 'json', new Date('2026-11-29T10:05:00Z'))).toBe(
      'segment-20261129-1005.json',
    );
  });
});

describe('export encoder', () => {
  const other = { ...customer, customerId: 'c2', firstName: '=cmd|calc', emails: [] };

  it('writes CSV as a header then one record per customer, whatever the page boundaries', () => {
    const e = exportEncoder('csv', ['id', 'firstName', 'email']);
    const text = e.begin() + e.page([customer]) + e.page([]) + e.page([other]) + e.end();
    expect(text).toBe("id,firstName,email\r\nc1,Zoé,zoe@example.fr\r\nc2,'=cmd|calc,\r\n");
  });

  it('writes JSON as one array that parses whole', () => {
    const e = exportEncoder('json', ['id', 'tags']);
    const text = e.begin() + e.page([customer]) + e.page([other]) + e.end();
    expect(JSON.parse(text)).toEqual([
      { id: 'c1', tags: ['wine', 'vip-lounge'] },
      { id: 'c2', tags: ['wine', 'vip-lounge'] },
    ]);
    const empty = exportEncoder('json', ['id']);
    expect(JSON.parse(empty.begin() + empty.page([]) + empty.end())).toEqual([]);
  });
});
