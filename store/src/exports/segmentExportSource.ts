import type { EntityManager } from '@mikro-orm/core';
import { compileSegmentFilter, notFound, parseSegmentFilter } from '@c360/domain';
import { Segment } from '../entities/Segment';
import { customerIndexName } from '../search/customerIndex';
import type { SegmentMembersQuery } from '../search/segmentMembers';
import { forTenant } from '../tenancy/forTenant';

export type SegmentExportSource = { segment: Segment; query: SegmentMembersQuery };

/**
 * The segment to export and its members query at `now` (the filter language's compiler), read
 * within the tenant: a segment of another
 * tenant is not found, exactly like one that does not exist.
 */
export const segmentExportSource = async (
  em: EntityManager,
  input: {
    tenantId: string;
    segmentId: string;
    indexPrefix: string;
    now: Date;
  },
): Promise<SegmentExportSource> => {
  const segment = await forTenant(em, input.tenantId).findOne(Segment, { id: input.segmentId });
  if (!segment) throw notFound('segment', input.segmentId);
  return {
    segment,
    query: {
      index: customerIndexName(input.indexPrefix),
      tenantId: input.tenantId,
      // Definitions are validated when saved; parsed again here so an old or hand-edited row
      // fails with the path of what is wrong instead of running an unchecked query.
      clause: compileSegmentFilter(parseSegmentFilter(segment.definition, 'segment.definition'), input.now),
    },
  };
};
