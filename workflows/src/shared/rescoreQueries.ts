import { defineQuery } from '@temporalio/workflow';

export type RescoreProgress = {
  tenantId: string;
  phase: 'starting' | 'model' | 'scoring' | 'done';
  total: number;
  scored: number;
  changed: number;
  events: number;
  startedAt: string | null;
  churnModelSource: 'default' | 'trained' | null;
};

export const rescoreProgressQuery = defineQuery<RescoreProgress>('rescoreProgress');
