import { z } from 'zod';

/** The body of every error answer (see `ErrorBody` in the error handler). */
export const errorResponseSchema = z
  .object({
    error: z.object({
      code: z.string().meta({
        description:
          'validation, unauthenticated, forbidden, not_found, conflict, rate_limited, payload_too_large, unavailable, not_implemented or internal',
        example: 'validation',
      }),
      message: z.string(),
      fields: z
        .array(
          z.object({
            path: z.string().meta({
              description: 'where the bad value is: body.emails.0, query.pageSize, params.id',
              example: 'body.emails.0',
            }),
            message: z.string(),
          }),
        )
        .optional()
        .meta({ description: 'one entry per bad field (validation errors only)' }),
    }),
    requestId: z
      .string()
      .meta({ description: 'the X-Request-Id of this request; quote it when reporting a problem' }),
  })
  .meta({ id: 'ErrorResponse' });

export const uuidParam = z
  .uuid()
  .meta({ description: 'record id (UUID)', example: '3f6c2b1e-6a1d-4c1e-9f8a-2b7d7e0c1a55' });

export const idParamsSchema = z.object({ id: uuidParam });

export const pageQueryFields = {
  page: z.coerce.number().int().min(1).max(10_000).default(1).meta({ description: 'page number, from 1' }),
  pageSize: z.coerce
    .number()
    .int()
    .min(1)
    .max(100)
    .default(25)
    .meta({ description: 'items per page (at most 100)' }),
};

/** Paging metadata returned beside every list. */
/** A user named in a record (who asked, who launched): id and display name. */
export const userRefSchema = z.object({ id: z.string(), name: z.string() });

export const pageInfoFields = {
  page: z.number().int(),
  pageSize: z.number().int(),
  total: z.number().int().meta({ description: 'matching items across all pages' }),
};
