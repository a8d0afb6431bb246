import { z } from 'zod';
import { ConfigError, describeConfig, loadConfig } from '../defineConfig';

const spec = {
  PORT: { schema: z.coerce.number().int().min(1).default(3000), description: 'port to listen on' },
  NAME: { schema: z.string().min(3), description: 'service name' },
};

describe('loadConfig', () => {
  it('applies defaults and coerces values', () => {
    expect(loadConfig(spec, { NAME: 'api' })).toEqual({ PORT: 3000, NAME: 'api' });
    expect(loadConfig(spec, { NAME: 'api', PORT: '8080' }).PORT).toBe(8080);
  });

  it('treats an empty variable as unset', () => {
    expect(loadConfig(spec, { NAME: 'api', PORT: '' }).PORT).toBe(3000);
  });

  it('reports every bad variable at once with its description', () => {
    try {
      loadConfig(spec, { PORT: 'x' });
      throw new Error('expected a ConfigError');
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const problems = (error as ConfigError).problems;
      expect(problems).toHaveLength(2);
      expect(problems[0]).toMatch(/^PORT: .*port to listen on/);
      expect(problems[1]).toMatch(/^NAME: .*service name/);
    }
  });

  it('describes each variable', () => {
    expect(describeConfig(spec)).toBe('PORT: port to listen on\nNAME: service name');
  });
});
