import { defineQuery } from '@temporalio/workflow';

export type ReindexProgress = {
  tenantId: string;
  phase: 'starting' | 'indexing' | 'cleaning' | 'done';
  total: number;
  indexed: number;
  stale: number;
  removed: number;
  startedAt: string | null;
};

export const reindexProgressQuery = defineQuery<ReindexProgress>('reindexProgress');
