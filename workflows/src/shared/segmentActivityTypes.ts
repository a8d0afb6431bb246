/**
 * The contracts between the segment membership workflows and their activities
 * (activities/src/segments implements them).
 */
export type SegmentRef = { tenantId: string; segmentId: string };

/** `null` version: whatever the segment's current definition is (the reconciliation). */
export type SegmentWalkStart = SegmentRef & { definitionVersion: number | null };
export type SegmentWalkStarted =
  | { state: 'ready'; definitionVersion: number; total: number }
  | { state: 'superseded' | 'missing' };

export type SegmentWalkPageInput = SegmentRef & {
  definitionVersion: number;
  /** Customer ids after this one (null: from the start). */
  after: string | null;
  pageSize: number;
  /** The instant the membership events carry. */
  at: string;
};
export type SegmentWalkPageResult =
  | { state: 'ok'; matched: number; entered: number; left: number; lastId: string | null; done: boolean }
  | { state: 'superseded' | 'missing' };

export type SegmentRecomputeFinish = SegmentRef & { definitionVersion: number };
export type SegmentRecomputeFinished = { count: number | null };

export type SegmentSweepInput = SegmentRef & { now: string };
export type SegmentSweepResult = { candidates: number; entered: number; left: number; skipped: boolean };

export type SegmentReconcileReport = SegmentRef & {
  entered: number;
  left: number;
  matched: number;
  at: string;
};

export type SegmentActivities = {
  beginSegmentWalk(input: SegmentWalkStart): Promise<SegmentWalkStarted>;
  walkSegmentPage(input: SegmentWalkPageInput): Promise<SegmentWalkPageResult>;
  finishSegmentRecompute(input: SegmentRecomputeFinish): Promise<SegmentRecomputeFinished>;
  /** Segments with a condition relative to time (their membership can change without a write). */
  listRelativeSegments(): Promise<SegmentRef[]>;
  sweepSegment(input: SegmentSweepInput): Promise<SegmentSweepResult>;
  /** Segments whose latest definition has no finished recompute, saved before the given instant. */
  listSegmentsBehind(input: { savedBefore: string }): Promise<(SegmentRef & { definitionVersion: number })[]>;
  listAllSegments(): Promise<SegmentRef[]>;
  reportSegmentReconciliation(input: SegmentReconcileReport): Promise<void>;
};
