import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './settings.js';

function problemsOf(env: NodeJS.ProcessEnv): readonly string[] {
  try {
    loadConfig(env);
    return [];
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
}

describe('loadConfig', () => {
  it('reports every wrong setting at once', () => {
    const problems = problemsOf({
      PORT: 'x',
      MAX_QUERY_COST: '-1',
      SEED_SCALE: 'huge',
      PERSISTED_ONLY_ROLES: 'ADMIN',
    });
    expect(problems).toHaveLength(4);
    expect(problems.join('\n')).toMatch(/PORT.*MAX_QUERY_COST|MAX_QUERY_COST.*PORT/s);
  });

  it('refuses a short HS256 secret, production without keys, development mode in production', () => {
    expect(problemsOf({ AUTH_JWT_SECRET: 'short' })[0]).toMatch(/at least 32 bytes/);
    expect(problemsOf({ NODE_ENV: 'production' })[0]).toMatch(/AUTH_JWT_SECRET or AUTH_JWKS_FILE/);
    expect(
      problemsOf({ NODE_ENV: 'production', AUTH_DEV_MODE: '1', AUTH_JWT_SECRET: 'x'.repeat(32) }),
    ).toEqual(['AUTH_DEV_MODE cannot be on when NODE_ENV=production']);
  });

  it('takes the defaults and valid values', () => {
    const config = loadConfig({
      AUTH_JWT_SECRET: 'x'.repeat(32),
      NODE_ENV: 'production',
      PUBLIC_MIN_SCHOOLS: '7',
    });
    expect(config.publicData.minSchools).toBe(7);
    expect(config.limits.maxCost).toBe(500_000);
    expect(config.introspection).toBe(false);
  });
});
