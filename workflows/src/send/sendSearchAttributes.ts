import type { SendRequest } from '@c360/domain';
import { CustomerIdKey, SegmentIdKey, TenantIdKey, WorkflowKindKey } from '../shared/searchAttributes';

/**
 * What a send is found by in Temporal UI and by the consent dispatcher: tenant, customer, kind
 * `send`, and the segment when a segment's entry started it.
 */
export const sendSearchAttributes = (
  req: Pick<SendRequest, 'tenantId' | 'customerId'>,
  extra: { segmentId?: string } = {},
) => [
  { key: TenantIdKey, value: req.tenantId },
  { key: CustomerIdKey, value: req.customerId },
  { key: WorkflowKindKey, value: 'send' },
  ...(extra.segmentId ? [{ key: SegmentIdKey, value: extra.segmentId }] : []),
];

/**
 * The visibility query of a customer's sends (for `signalMatching`; the dispatcher adds the
 * tenant and `ExecutionStatus = 'Running'`).
 */
export const customerSendsQuery = (customerId: string): string => {
  if (!/^[\w-]+$/.test(customerId)) throw new Error(`not an id: ${JSON.stringify(customerId)}`);
  return `CustomerId = '${customerId}' AND WorkflowKind = 'send'`;
};
