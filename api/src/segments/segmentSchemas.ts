import { z } from 'zod';
import { segmentFilterSchema } from '@c360/domain';
import { pageInfoFields, pageQueryFields } from '../openapi/commonSchemas';

const name = z.string().trim().min(1).max(200);
const description = z.string().trim().max(2_000).nullable();

export const segmentCreateSchema = z
  .strictObject({
    name,
    description: description.default(null),
    filter: segmentFilterSchema,
  })
  .meta({ id: 'SegmentCreate' });
export type SegmentCreate = z.output<typeof segmentCreateSchema>;

export const segmentPatchSchema = z
  .strictObject({
    name: name.optional(),
    description: description.optional(),
    filter: segmentFilterSchema.optional(),
  })
  .refine((p) => Object.values(p).some((v) => v !== undefined), {
    message: 'name at least one field to change',
  })
  .meta({
    id: 'SegmentPatch',
    description: 'A new filter raises the definition version and recomputes the membership.',
  });
export type SegmentPatch = z.output<typeof segmentPatchSchema>;

export const segmentSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    description: z.string().nullable(),
    ownerId: z.uuid().nullable(),
    filter: z.record(z.string(), z.unknown()).meta({ description: 'the segment filter tree' }),
    count: z.number().int().meta({ description: 'members now (kept exact as members change)' }),
    countedAt: z.string().nullable(),
    definitionVersion: z.number().int(),
    recomputing: z
      .boolean()
      .meta({ description: 'true while the membership of the latest definition is being recomputed' }),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Segment' });
export type SegmentView = z.output<typeof segmentSchema>;

export const segmentSavedSchema = segmentSchema
  .extend({
    recomputeWorkflowId: z
      .string()
      .nullable()
      .meta({ description: 'the recompute workflow (null when the workflow service could not be reached)' }),
  })
  .meta({ id: 'SegmentSaved' });

export const segmentListSchema = z
  .object({ items: z.array(segmentSchema), ...pageInfoFields })
  .meta({ id: 'SegmentList' });

export const segmentListQuerySchema = z.object({ ...pageQueryFields });

const memberSummary = {
  customerId: z.uuid(),
  firstName: z.string(),
  lastName: z.string(),
  emails: z.array(z.string()),
};

export const segmentPreviewBodySchema = z
  .strictObject({
    filter: segmentFilterSchema,
    sampleSize: z.number().int().min(0).max(50).default(10),
  })
  .meta({ id: 'SegmentPreviewRequest' });

export const segmentPreviewSchema = z
  .object({
    count: z.number().int(),
    sample: z.array(z.object({ ...memberSummary, tags: z.array(z.string()), isVip: z.boolean() })),
    evaluatedAt: z.string().meta({ description: 'the instant relative conditions were resolved at' }),
  })
  .meta({ id: 'SegmentPreview' });

export const segmentMembersSchema = z
  .object({
    items: z.array(z.object({ ...memberSummary, enteredAt: z.string() })),
    ...pageInfoFields,
  })
  .meta({ id: 'SegmentMembers' });

export const customerSegmentsSchema = z
  .object({
    items: z.array(z.object({ segmentId: z.uuid(), name: z.string(), enteredAt: z.string() })),
  })
  .meta({ id: 'CustomerSegments' });
