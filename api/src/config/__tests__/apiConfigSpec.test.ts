import { ConfigError, loadConfig } from '@c360/domain';
import { apiConfigSpec, DEV_JWT_SECRET, resolveJwtSecret } from '../apiConfigSpec';

describe('the API configuration', () => {
  it('has a default for everything but the production signing key', () => {
    const config = loadConfig(apiConfigSpec, {});
    expect(config).toMatchObject({
      C360_API_PORT: 3000,
      C360_API_HOST: '127.0.0.1',
      C360_INDEX_PREFIX: 'c360-dev-',
      C360_TEMPORAL_NAMESPACE: 'default',
      C360_JWT_TTL_SECONDS: 3600,
      C360_LOG_LEVEL: 'info',
    });
    expect(resolveJwtSecret(config)).toBe(DEV_JWT_SECRET);
  });

  it('refuses to run in production without a signing key', () => {
    const config = loadConfig(apiConfigSpec, { NODE_ENV: 'production' });
    expect(() => resolveJwtSecret(config)).toThrow(/C360_JWT_SECRET is required/);
    const withKey = loadConfig(apiConfigSpec, { NODE_ENV: 'production', C360_JWT_SECRET: 'k'.repeat(40) });
    expect(resolveJwtSecret(withKey)).toBe('k'.repeat(40));
  });

  it('names every bad variable at once', () => {
    try {
      loadConfig(apiConfigSpec, {
        C360_API_PORT: '70000',
        C360_DATABASE_URL: 'http://x',
        C360_JWT_SECRET: 'short',
      });
      throw new Error('expected a ConfigError');
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const names = (error as ConfigError).problems.map((p) => p.split(':')[0]);
      expect(names).toEqual(['C360_API_PORT', 'C360_DATABASE_URL', 'C360_JWT_SECRET']);
    }
  });
});
