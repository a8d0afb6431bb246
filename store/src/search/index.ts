export * from './customerIndex';
export * from './customerDocument';
export * from './writeCustomerDocuments';
export * from './searchCustomers';
export { Client as SearchClient } from '@opensearch-project/opensearch';

import { Client } from '@opensearch-project/opensearch';

/** One client per process; created by the composition root. */
export const createSearchClient = (url: string): Client =>
  new Client({ node: url, requestTimeout: 10_000, maxRetries: 0 });
export * from './segmentMembers';
