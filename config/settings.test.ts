import { describe, expect, it } from 'vitest';
import {
  ConfigError,
  DEFAULT_DATABASE_URL,
  loadConfig,
  loadDatabaseSettings,
  loadImportSettings,
  loadTokenSettings,
} from './settings.js';

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

  it('refuses operations settings that would silently do something else', () => {
    const problems = problemsOf({
      LOG_LEVEL: 'verbose',
      CORS_ORIGINS: 'https://bi.example.ru, bi.example.ru/path',
      REDIS_URL: '127.0.0.1:6379',
      COMPRESSION: 'gzip',
    });
    expect(problems).toEqual([
      'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent, got «verbose»',
      'CORS_ORIGINS must list origins like https://bi.example.ru, got «bi.example.ru/path»',
      'COMPRESSION must be on (1, true, yes, on) or off (0, false, no, off), got «gzip»',
      'REDIS_URL must be a Redis URL such as redis://127.0.0.1:6379, got «127.0.0.1:6379»',
    ]);
    const ops = loadConfig({
      CORS_ORIGINS: 'https://a.ru,http://b.ru:8080',
      REDIS_URL: 'redis://r:6379/2',
    }).operations;
    expect(ops).toMatchObject({
      logLevel: 'info',
      corsOrigins: ['https://a.ru', 'http://b.ru:8080'],
      redisUrl: 'redis://r:6379/2',
      redisKeyPrefix: 'shnor:',
      compression: true,
      metricsToken: undefined,
    });
    expect(loadConfig({ NODE_ENV: 'test' }).operations.logLevel).toBe('silent');
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

/** The problems a loader throws, for any loader of settings.ts. */
function problemsOfLoader(load: () => unknown): readonly string[] {
  try {
    load();
    return [];
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
}

describe('every wrong setting at once, as sentences', () => {
  const WRONG = {
    DATABASE_URL: 'mysql://root:hunter2@db/shnor',
    PORT: '70000',
    EMBEDDED_PG_PORT: '0',
    SEED_DEMO: 'maybe',
    IMPORT_MAX_ROWS: 'lots',
    IMPORT_MAX_COLUMNS: '-3',
    DEFAULT_PAGE_SIZE: '2.5',
    LOG_MIGRATIONS: 'verbose',
    AUTH_JWKS_FILE: '/nonexistent/jwks.json',
  };

  it('the server: each variable named with its value and what is expected, in one error', () => {
    const problems = problemsOf(WRONG);
    expect(problems).toHaveLength(Object.keys(WRONG).length);
    for (const [name, value] of Object.entries(WRONG)) {
      const problem = problems.find((p) => p.startsWith(`${name} `));
      expect(problem, name).toBeDefined();
      if (name !== 'DATABASE_URL') expect(problem).toContain(`«${value}»`);
      expect(problem).toMatch(/ must /);
    }
    expect(problems.join('\n')).not.toContain('hunter2');
    expect(problems.find((p) => p.startsWith('DATABASE_URL'))).toContain('«mysql://root:***@db/shnor»');
  });

  it('the message lists them all, one a line, with their count', () => {
    try {
      loadConfig({ PORT: 'x', MAX_QUERY_DEPTH: '-1', PUBLIC_ACCESS: 'sometimes' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const lines = (error as Error).message.split('\n');
      expect(lines[0]).toBe('3 settings are wrong (README: Configuration):');
      expect(lines.slice(1).map((l) => l.split(' ')[3])).toEqual([
        'PORT',
        'PUBLIC_ACCESS',
        'MAX_QUERY_DEPTH',
      ]);
    }
  });

  it('the import CLI: its database and limits, all at once; the rest is not its business', () => {
    const problems = problemsOfLoader(() =>
      loadImportSettings({ ...WRONG, PORT: 'x', NODE_ENV: 'production' }),
    );
    expect(problems.map((p) => p.split(' ')[0]).sort()).toEqual([
      'DATABASE_URL',
      'IMPORT_MAX_COLUMNS',
      'IMPORT_MAX_ROWS',
      'LOG_MIGRATIONS',
    ]);
  });

  it('the token CLI: the secret is required and as long as the server requires', () => {
    expect(problemsOfLoader(() => loadTokenSettings({}))[0]).toMatch(/^AUTH_JWT_SECRET must be set/);
    expect(problemsOfLoader(() => loadTokenSettings({ AUTH_JWT_SECRET: 'short' }))[0]).toMatch(
      /at least 32 bytes.*got 5 bytes/,
    );
    expect(loadTokenSettings({ AUTH_JWT_SECRET: 'x'.repeat(32) }).jwtSecret).toBe('x'.repeat(32));
  });
});

describe('one DATABASE_URL default for every CLI', () => {
  it('absent or empty: DEFAULT_DATABASE_URL; set: as given', () => {
    expect(loadDatabaseSettings({}).databaseUrl).toBe(DEFAULT_DATABASE_URL);
    expect(loadDatabaseSettings({ DATABASE_URL: '' }).databaseUrl).toBe(DEFAULT_DATABASE_URL);
    expect(loadImportSettings({}).databaseUrl).toBe(DEFAULT_DATABASE_URL);
    const url = 'postgres://a:b@db.example:6543/other';
    expect(loadDatabaseSettings({ DATABASE_URL: url }).databaseUrl).toBe(url);
  });

  it('the server keeps "absent" (it starts the embedded PostgreSQL then)', () => {
    expect(loadConfig({}).databaseUrl).toBeUndefined();
  });

  it('the import limits are the same for the CLI and the server', () => {
    const env = { IMPORT_MAX_ROWS: '7', IMPORT_MAX_CELL_CHARS: '9' };
    expect(loadImportSettings(env).imports).toEqual(loadConfig(env).imports);
  });
});
