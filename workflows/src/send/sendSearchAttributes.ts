import type { SendRequest } from '@c360/domain';
import { CustomerIdKey, TenantIdKey, WorkflowKindKey } from '../shared/searchAttributes';

/** What a send is found by in Temporal UI and by the consent dispatcher: tenant, customer, kind `send`. */
export const sendSearchAttributes = (req: Pick<SendRequest, 'tenantId' | 'customerId'>) => [
  { key: TenantIdKey, value: req.tenantId },
  { key: CustomerIdKey, value: req.customerId },
  { key: WorkflowKindKey, value: 'send' },
];

/**
 * The visibility query of a customer's sends (for `signalMatching`; the dispatcher adds the
 * tenant and `ExecutionStatus = 'Running'`).
 */
export const customerSendsQuery = (customerId: string): string => {
  if (!/^[\w-]+$/.test(customerId)) throw new Error(`not an id: ${JSON.stringify(customerId)}`);
  return `CustomerId = '${customerId}' AND WorkflowKind = 'send'`;
};
