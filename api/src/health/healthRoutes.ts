import { z } from 'zod';
import { defineRoute, type ApiRoute } from '../http/defineRoute';
import { checkReadiness, type ReadinessCheck } from './readiness';

const dependencyStateSchema = z
  .object({
    status: z.enum(['up', 'down']),
    latencyMs: z.number().int(),
    reason: z.string().optional().meta({ description: 'why it is down: an error code or a timeout' }),
  })
  .meta({ id: 'DependencyState' });

const readinessSchema = z
  .object({
    status: z.enum(['ready', 'not_ready']),
    down: z.array(z.string()).meta({ description: 'the dependencies that are down' }),
    checks: z
      .record(z.string(), dependencyStateSchema)
      .meta({ example: { postgres: { status: 'up', latencyMs: 2 } } }),
  })
  .meta({ id: 'Readiness' });

const READINESS_TIMEOUT_MS = 2_000;

/** Liveness (the process answers) and readiness (each dependency answers). */
export const healthRoutes = (checks: ReadinessCheck[], startedAt: number): ApiRoute[] => [
  defineRoute({
    method: 'get',
    path: '/healthz',
    operationId: 'getHealth',
    summary: 'Liveness: the process is up',
    tags: ['operations'],
    access: 'public',
    responses: {
      200: {
        description: 'The process answers',
        schema: z.object({ status: z.literal('ok'), uptimeSeconds: z.number().int() }),
      },
    },
    handler: async () => ({
      status: 200,
      body: { status: 'ok', uptimeSeconds: Math.floor((Date.now() - startedAt) / 1000) },
    }),
  }),
  defineRoute({
    method: 'get',
    path: '/readyz',
    operationId: 'getReadiness',
    summary: 'Readiness: the state of PostgreSQL, OpenSearch and Temporal',
    description: `Each dependency is checked at once, each within ${READINESS_TIMEOUT_MS} ms.`,
    tags: ['operations'],
    access: 'public',
    responses: {
      200: { description: 'Every dependency is up', schema: readinessSchema },
      503: { description: 'At least one dependency is down; `down` names them', schema: readinessSchema },
    },
    handler: async () => {
      const report = await checkReadiness(checks, READINESS_TIMEOUT_MS);
      return {
        status: report.ready ? 200 : 503,
        headers: { 'Cache-Control': 'no-store' },
        body: { status: report.ready ? 'ready' : 'not_ready', down: report.down, checks: report.checks },
      };
    },
  }),
];
