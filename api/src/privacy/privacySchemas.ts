import { z } from 'zod';
import { retentionPoliciesSchema } from '@c360/domain';
import { uuidParam } from '../openapi/commonSchemas';

export const retentionPoliciesBodySchema = retentionPoliciesSchema.meta({
  id: 'RetentionPolicies',
  description:
    'Each rule is null (off) or a number of days (1 to 36500): message bodies older than that are redacted ' +
    '(the message row stays), call transcripts (with their summary and action items) are erased (the call stays), ' +
    'resolved and closed tickets resolved longer ago are deleted. The audit log is always kept.',
});

export const retentionPoliciesViewSchema = z
  .object({
    policies: retentionPoliciesBodySchema,
    lastRunAt: z.string().nullable().meta({ description: 'when the nightly purge last applied them' }),
  })
  .meta({ id: 'RetentionPoliciesView' });

export const dsrParamsSchema = z.object({ id: uuidParam, requestId: uuidParam });

export const dsrKindParamsSchema = z.object({
  id: uuidParam,
  kind: z.enum(['export', 'erase']).meta({ description: 'export (access) or erase (erasure)' }),
  requestId: uuidParam,
});

export const dsrAcceptedSchema = z
  .object({
    requestId: z.string(),
    workflowId: z.string(),
    statusUrl: z.string(),
  })
  .meta({ id: 'DsrAccepted' });

export const dsrStatusSchema = z
  .object({
    requestId: z.string(),
    kind: z.enum(['export', 'erase']),
    workflowId: z.string(),
    status: z.string().meta({ description: 'RUNNING, COMPLETED, FAILED, CANCELED, TERMINATED, TIMED_OUT' }),
    step: z.string().nullable().meta({ description: 'the step running now (while RUNNING)' }),
    result: z.unknown().meta({ description: 'counts of what was exported or erased (once COMPLETED)' }),
    failure: z.string().nullable(),
    downloadUrl: z.string().nullable().meta({ description: 'the archive (a completed export)' }),
  })
  .meta({ id: 'DsrStatus' });
