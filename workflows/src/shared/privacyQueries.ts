import { defineQuery } from '@temporalio/workflow';
import type { PurgeTarget } from './privacyActivityTypes';

export type RetentionProgress = {
  asOf: string;
  phase: 'purging' | 'done';
  tenantsDone: number;
  currentTenantId: string | null;
  /** Rows redacted or deleted so far, per rule, over every tenant. */
  counts: Record<PurgeTarget, number>;
  batches: number;
};

export const retentionProgressQuery = defineQuery<RetentionProgress>('retentionProgress');

export type DsrStep = 'starting' | 'cancelling' | 'files' | 'rows' | 'index' | 'archive' | 'audit' | 'done';
export type DsrProgress = { step: DsrStep; completed: DsrStep[] };

export const dsrProgressQuery = defineQuery<DsrProgress>('dsrProgress');
