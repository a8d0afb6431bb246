import type { OpenSearchQuery } from '@c360/domain';

/** A customer as a segment preview or member list shows it. */
export type SegmentMemberSummary = {
  customerId: string;
  firstName: string;
  lastName: string;
  emails: string[];
  tags: string[];
  isVip: boolean;
};

/**
 * What the segment routes need from OpenSearch: counting and sampling an unsaved filter, and
 * storing or removing a saved segment's percolator query. Bound by the composition root
 * (`openSearchSegments`).
 */
export type SegmentSearch = {
  preview: (
    tenantId: string,
    compiled: OpenSearchQuery,
    sampleSize: number,
  ) => Promise<{ count: number; sample: SegmentMemberSummary[] }>;
  register: (input: {
    tenantId: string;
    segmentId: string;
    version: number;
    anchoredAt: Date;
    compiled: OpenSearchQuery;
  }) => Promise<void>;
  remove: (segmentId: string) => Promise<void>;
};

/** Starts the membership recompute of a definition version (the `recomputeSegment` workflow). */
export type SegmentRecompute = {
  start: (input: {
    tenantId: string;
    segmentId: string;
    definitionVersion: number;
  }) => Promise<{ workflowId: string }>;
};
