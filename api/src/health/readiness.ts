/** One dependency the API needs to serve traffic; `check` rejects when it is not usable. */
export type ReadinessCheck = { name: string; check: () => Promise<void> };

export type DependencyState =
  | { status: 'up'; latencyMs: number }
  | { status: 'down'; latencyMs: number; reason: string };

export type ReadinessReport = { ready: boolean; down: string[]; checks: Record<string, DependencyState> };

const timeout = (ms: number) =>
  new Promise<never>((_, reject) => {
    const timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
    timer.unref();
  });

// A reason, not a message: driver messages can name hosts and users, and /readyz is unauthenticated.
const reasonOf = (error: unknown): string => {
  const e = error as { code?: unknown; name?: unknown; message?: unknown };
  if (typeof e.message === 'string' && e.message.startsWith('no answer within')) return e.message;
  if (typeof e.code === 'string') return e.code;
  if (typeof e.name === 'string' && e.name !== 'Error') return e.name;
  return 'unreachable';
};

/** Runs every check at once, each bounded by `timeoutMs`, and reports which are down. */
export const checkReadiness = async (
  checks: ReadinessCheck[],
  timeoutMs: number,
): Promise<ReadinessReport> => {
  const results = await Promise.all(
    checks.map(async ({ name, check }): Promise<[string, DependencyState]> => {
      const started = performance.now();
      const elapsed = () => Math.round(performance.now() - started);
      try {
        await Promise.race([check(), timeout(timeoutMs)]);
        return [name, { status: 'up', latencyMs: elapsed() }];
      } catch (error) {
        return [name, { status: 'down', latencyMs: elapsed(), reason: reasonOf(error) }];
      }
    }),
  );
  const down = results.filter(([, s]) => s.status === 'down').map(([name]) => name);
  return { ready: down.length === 0, down, checks: Object.fromEntries(results) };
};
