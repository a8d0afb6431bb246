import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';
import type { WorkflowKind } from '@c360/domain';

/** Typed keys of the custom search attributes registered on the namespace (see deploy/local). */
export const TenantIdKey = defineSearchAttributeKey('TenantId', SearchAttributeType.KEYWORD);
export const CustomerIdKey = defineSearchAttributeKey('CustomerId', SearchAttributeType.KEYWORD);
export const SegmentIdKey = defineSearchAttributeKey('SegmentId', SearchAttributeType.KEYWORD);
export const WorkflowKindKey = defineSearchAttributeKey('WorkflowKind', SearchAttributeType.KEYWORD);

/** The search attributes every workflow of a tenant starts with, so ops can find it in Temporal UI. */
export const tenantSearchAttributes = (
  tenantId: string,
  kind: WorkflowKind,
  extra: { customerId?: string; segmentId?: string } = {},
) => [
  { key: TenantIdKey, value: tenantId },
  { key: WorkflowKindKey, value: kind },
  ...(extra.customerId ? [{ key: CustomerIdKey, value: extra.customerId }] : []),
  ...(extra.segmentId ? [{ key: SegmentIdKey, value: extra.segmentId }] : []),
];
