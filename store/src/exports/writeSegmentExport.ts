import { Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Client } from '@opensearch-project/opensearch';
import {
  exportEncoder,
  exportSourceFields,
  type ExportableCustomer,
  type ExportColumn,
  type ExportStreamFormat,
} from '@c360/domain';
import { streamSegmentMembers, type SegmentMembersQuery } from '../search/segmentMembers';

export type SegmentExportOptions = {
  format: ExportStreamFormat;
  columns: readonly ExportColumn[];
  pageSize?: number;
  /** Called after each page is handed to the sink (an activity heartbeats here). */
  onPage?: (rowsSoFar: number) => void;
  /** The members' order (see `streamSegmentMembers`); by customer id by default. */
  sort?: Record<string, unknown>[];
};

export type SegmentExportWritten = { rows: number; bytes: number };

/**
 * Streams a segment's members as CSV or JSON into `sink` (an HTTP response, a file). Pages are
 * read from OpenSearch only as fast as the sink drains: `pipeline` stops pulling while the sink's
 * buffer is full, so memory stays at about one page whatever the segment's size. The sink is
 * ended on success and destroyed on failure (a download then ends short instead of looking
 * complete).
 */
export const writeSegmentExport = async (
  client: Client,
  query: SegmentMembersQuery,
  options: SegmentExportOptions,
  sink: Writable,
): Promise<SegmentExportWritten> => {
  const encoder = exportEncoder(options.format, options.columns);
  const counted: SegmentExportWritten = { rows: 0, bytes: 0 };
  const pages = streamSegmentMembers(client, query, {
    sourceFields: exportSourceFields(options.columns),
    ...(options.pageSize ? { pageSize: options.pageSize } : {}),
    ...(options.sort ? { sort: options.sort } : {}),
  });
  async function* text(): AsyncGenerator<Buffer> {
    const emit = (s: string): Buffer => {
      const b = Buffer.from(s, 'utf8');
      counted.bytes += b.length;
      return b;
    };
    yield emit(encoder.begin());
    for await (const page of pages) {
      counted.rows += page.length;
      yield emit(encoder.page(page as ExportableCustomer[]));
      options.onPage?.(counted.rows);
    }
    const tail = encoder.end();
    if (tail) yield emit(tail);
  }
  await pipeline(Readable.from(text(), { objectMode: false, highWaterMark: 1 }), sink);
  return counted;
};
