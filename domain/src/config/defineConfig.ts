import { z } from 'zod';

/** One configuration variable: its schema (with a default where it has one) and what it is for. */
export type ConfigVariable<T extends z.ZodType = z.ZodType> = { schema: T; description: string };

export type ConfigSpec = Record<string, ConfigVariable>;

export type ConfigOf<S extends ConfigSpec> = { [K in keyof S]: z.output<S[K]['schema']> };

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  ${problems.join('\n  ')}`);
    this.name = 'ConfigError';
  }
}

/**
 * Reads a typed, validated configuration from an environment-shaped record. Pure: the caller
 * (a process's composition root) passes `process.env` in, so nothing else reads the environment.
 */
export const loadConfig = <S extends ConfigSpec>(
  spec: S,
  env: Record<string, string | undefined>,
): ConfigOf<S> => {
  const problems: string[] = [];
  const out: Record<string, unknown> = {};
  for (const [name, variable] of Object.entries(spec)) {
    const raw = env[name];
    const parsed = variable.schema.safeParse(raw === '' ? undefined : raw);
    if (parsed.success) out[name] = parsed.data;
    else
      problems.push(
        `${name}: ${parsed.error.issues.map((i) => i.message).join('; ')} (${variable.description})`,
      );
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return out as ConfigOf<S>;
};

/** Documentation of a spec: one line per variable, for `--help` output and the README. */
export const describeConfig = (spec: ConfigSpec): string =>
  Object.entries(spec)
    .map(([name, v]) => `${name}: ${v.description}`)
    .join('\n');
