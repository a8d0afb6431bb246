import { randomUUID } from 'node:crypto';
import {
  customerIndexMapping,
  customerIndexName,
  customerIndexSettings,
  ensureCustomerIndex,
} from '../customerIndex';
import { createSearchClient } from '../index';

const client = createSearchClient(process.env['C360_OPENSEARCH_URL'] ?? 'http://127.0.0.1:9200');
const base = `${process.env['C360_INDEX_PREFIX'] ?? 'c360-test-'}mapping-${randomUUID().slice(0, 8)}`;
const created: string[] = [];

/** An index as an older version created it: `change` edits a copy of today's mapping. */
const olderIndex = async (suffix: string, change: (properties: Record<string, unknown>) => void) => {
  const prefix = `${base}-${suffix}-`;
  const properties = structuredClone(customerIndexMapping.properties) as Record<string, unknown>;
  change(properties);
  await client.indices.create({
    index: customerIndexName(prefix),
    body: { settings: customerIndexSettings, mappings: { dynamic: 'strict', properties } } as Record<
      string,
      unknown
    >,
  });
  created.push(customerIndexName(prefix));
  return prefix;
};

afterAll(async () => {
  for (const index of created) await client.indices.delete({ index }).catch(() => undefined);
  await client.close();
});

describe('ensureCustomerIndex on an index created by an older version', () => {
  it('adds the fields the index lacks', async () => {
    const prefix = await olderIndex('additive', (p) => {
      delete p['surveys'];
    });
    await ensureCustomerIndex(client, prefix);
    const mapping = await client.indices.getMapping({ index: customerIndexName(prefix) });
    const properties = Object.values(mapping.body)[0]!.mappings.properties as Record<
      string,
      { type?: string }
    >;
    expect(properties['surveys']?.type).toBe('nested');
  });

  it('says the index must be rebuilt when a field changed type', async () => {
    const prefix = await olderIndex('conflict', (p) => {
      p['scores'] = { type: 'object', enabled: false };
    });
    await expect(ensureCustomerIndex(client, prefix)).rejects.toThrow(/delete the index and rebuild it/);
  });
});
