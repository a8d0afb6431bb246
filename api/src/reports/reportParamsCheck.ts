import type { EntityManager } from '@mikro-orm/postgresql';
import { z } from 'zod';
import { AppError, notFound } from '@c360/domain';
import { forTenant, REPORT_PARAM_SCHEMAS, Segment, type ReportTemplate } from '@c360/store';

/**
 * A template's parameters checked as the run will read them: a bad value is a 400 naming
 * `body.params.<field>`, a segment that is not the tenant's a 404. Answers the parsed parameters.
 */
export const checkReportParams = async (
  em: EntityManager,
  tenantId: string,
  template: ReportTemplate,
  params: Record<string, unknown>,
): Promise<Record<string, unknown>> => {
  const parsed = REPORT_PARAM_SCHEMAS[template].safeParse(params);
  if (!parsed.success)
    throw new AppError('validation', `invalid ${template} parameters`, {
      fields: parsed.error.issues.map((i) => ({
        path: ['body', 'params', ...i.path.map(String)].join('.'),
        message: i.message,
      })),
    });
  const value = parsed.data as Record<string, unknown>;
  const segmentId = value['segmentId'];
  if (typeof segmentId === 'string' && !(await forTenant(em, tenantId).findOne(Segment, { id: segmentId })))
    throw notFound('segment', segmentId);
  return value;
};

type ParamDoc = { type: string; required: boolean; description: string };

/** Each parameter of a template as the templates list describes it, from its schema. */
export const describeReportParams = (template: ReportTemplate): Record<string, ParamDoc> => {
  const schema = z.toJSONSchema(REPORT_PARAM_SCHEMAS[template], { io: 'input', unrepresentable: 'any' }) as {
    properties?: Record<
      string,
      { type?: string; enum?: unknown[]; description?: string; items?: { enum?: unknown[] } }
    >;
    required?: string[];
  };
  return Object.fromEntries(
    Object.entries(schema.properties ?? {}).map(([name, p]) => {
      const values = p.enum ?? p.items?.enum;
      return [
        name,
        {
          type: p.type ?? 'string',
          required: (schema.required ?? []).includes(name),
          description: [p.description, values ? `one of: ${values.join(', ')}` : null]
            .filter(Boolean)
            .join('; '),
        },
      ];
    }),
  );
};
