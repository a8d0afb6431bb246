import { defineQuery } from '@temporalio/workflow';

export type SegmentRecomputeProgress = {
  tenantId: string;
  segmentId: string;
  definitionVersion: number;
  phase: 'starting' | 'walking' | 'done' | 'superseded';
  /** Customers matching the filter, as counted at the start. */
  total: number;
  matched: number;
  entered: number;
  left: number;
  pages: number;
};

export const segmentRecomputeProgressQuery =
  defineQuery<SegmentRecomputeProgress>('segmentRecomputeProgress');

export type SegmentReconcileProgress = {
  segments: number;
  done: number;
  repaired: { tenantId: string; segmentId: string; entered: number; left: number }[];
};

export const segmentReconcileProgressQuery =
  defineQuery<SegmentReconcileProgress>('segmentReconcileProgress');
