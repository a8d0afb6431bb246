import type { Client } from '@temporalio/client';
import type { SearchClient } from '@c360/store';

/**
 * What segment exports, export schedules and launches need beyond the database: the search
 * index, the export folder, and Temporal. Opened by the composition root (or a test).
 */
export type SegmentExportDeps = {
  search: SearchClient;
  indexPrefix: string;
  /** Where export files are written and served from (C360_DATA/exports in development). */
  exportDir: string;
  /** Up to this many members an export streams in the request; more runs as a workflow (202). */
  syncMaxRows: number;
  temporal: Client;
  /** Tests run their own worker on a queue of their own; the platform uses TASK_QUEUE. */
  taskQueue?: string;
};
