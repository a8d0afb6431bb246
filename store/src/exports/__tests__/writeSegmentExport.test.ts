import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import { parse } from 'csv-parse/sync';
import { createSearchClient } from '../../search';
import { customerIndexName, ensureCustomerIndex } from '../../search/customerIndex';
import { writeSegmentExport } from '../writeSegmentExport';

const search = createSearchClient(process.env['C360_OPENSEARCH_URL'] ?? 'http://127.0.0.1:9200');
const prefix = `${process.env['C360_INDEX_PREFIX'] ?? 'c360-test-'}segstream-${randomUUID().slice(0, 8)}-`;
const index = customerIndexName(prefix);
const tenantId = randomUUID();
const otherTenant = randomUUID();
const gold: string[] = [];

beforeAll(async () => {
  await ensureCustomerIndex(search, prefix);
  const body: Record<string, unknown>[] = [];
  for (let i = 0; i < 30; i += 1) {
    const customerId = randomUUID();
    const tags = i % 3 === 0 ? ['silver'] : ['gold'];
    if (tags[0] === 'gold') gold.push(customerId);
    body.push({ index: { _index: index, _id: customerId } });
    body.push({
      tenantId,
      customerId,
      firstName: `F${i}`,
      lastName: `L${i}`,
      tags,
      emails: [`c${i}@x.test`],
    });
  }
  // Another tenant's gold customer: never exported, whatever the clause says.
  body.push({ index: { _index: index, _id: 'other' } });
  body.push({ tenantId: otherTenant, customerId: 'other', firstName: 'O', lastName: 'T', tags: ['gold'] });
  await search.bulk({ body, refresh: 'wait_for' });
});

afterAll(async () => {
  await search.indices.delete({ index }).catch(() => undefined);
  await search.close();
});

/** A sink that takes one chunk at a time, slowly, and records how far the reader ran ahead. */
const slowSink = (pagesRead: () => number) => {
  const chunks: Buffer[] = [];
  let ahead = 0;
  const sink = new Writable({
    highWaterMark: 1,
    write(chunk: Buffer, _enc, done) {
      chunks.push(chunk);
      ahead = Math.max(ahead, pagesRead() - chunks.length);
      setTimeout(done, 5);
    },
  });
  return { sink, text: () => Buffer.concat(chunks).toString('utf8'), ahead: () => ahead };
};

it('pages through every member on a point in time, one page at a time as the sink drains', async () => {
  let pages = 0;
  const slow = slowSink(() => pages);
  const written = await writeSegmentExport(
    search,
    { index, tenantId, clause: { term: { tags: 'gold' } } },
    { format: 'csv', columns: ['id', 'firstName'], pageSize: 4, onPage: () => (pages += 1) },
    slow.sink,
  );
  expect(written.rows).toBe(gold.length);
  expect(pages).toBe(Math.ceil(gold.length / 4));
  const rows = parse(slow.text(), { columns: true }) as { id: string }[];
  expect(rows.map((r) => r.id).sort()).toEqual([...gold].sort());
  expect(written.bytes).toBe(Buffer.byteLength(slow.text()));
  // Backpressure: the reader never holds more than a couple of pages the sink has not taken.
  expect(slow.ahead()).toBeLessThanOrEqual(2);
});

it('leaves the sink unfinished when the search fails, so a download never looks complete', async () => {
  const sink = new Writable({ write: (_c, _e, done) => done() });
  await expect(
    writeSegmentExport(
      search,
      { index: `${prefix}missing`, tenantId, clause: { match_all: {} } },
      { format: 'json', columns: ['id'] },
      sink,
    ),
  ).rejects.toThrow();
  expect(sink.writableFinished).toBe(false);
});
