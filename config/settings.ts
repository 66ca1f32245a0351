import { existsSync } from 'node:fs';
import { type Role } from '../db/viewer.js';
import { EnvReader } from './env-reader.js';
import { OperatorError } from './operator-error.js';

/** RFC 7518 §3.2: an HS256 key must be at least as long as the hash (256 bits). */
const MIN_SECRET_BYTES = 32;

/**
 * The database of every CLI (import, export, seed, api-key, samples) and of the benchmarks when
 * DATABASE_URL is not set. The server, without DATABASE_URL, starts the embedded PostgreSQL instead.
 */
export const DEFAULT_DATABASE_URL = 'postgresql://postgres@127.0.0.1:5432/shnor';

/** Everything configurable, from the environment, in one place (README: Configuration). */
export interface Config {
  /** PostgreSQL URL; absent → an embedded PostgreSQL under `embeddedDir`. */
  databaseUrl: string | undefined;
  host: string;
  port: number;
  embeddedDir: string;
  embeddedPort: number;
  /** Load the demo data on start (always on for the embedded database when it is empty). */
  seedDemo: boolean;
  seedScale: 'demo' | 'national' | 'test';
  defaultPageSize: number;
  maxPageSize: number;
  production: boolean;
  /** Computed analytics kept in memory per (parameters, data version, question); 0 = always compute. */
  analyticsCacheSize: number;
  /** No token → full-scope development viewer; refused when NODE_ENV=production. */
  authDevMode: boolean;
  /** No token → the public viewer: aggregates of regions and municipalities only. */
  publicAccess: boolean;
  /** HS256 shared secret for bearer tokens. */
  jwtSecret: string | undefined;
  /** JWKS file with the public keys of RS256/ES256 tokens. */
  jwksFile: string | undefined;
  jwtIssuer: string | undefined;
  jwtAudience: string | undefined;
  /** Roles that may run only the trusted documents (persisted operations), e.g. BI_SERVICE. */
  persistedOnlyRoles: Role[];
  limits: {
    maxDepth: number;
    maxAliases: number;
    maxTokens: number;
    maxCost: number;
    perMinute: number;
    statementTimeoutMs: number;
  };
  /** Introspection and the IDE; off in production unless enabled. */
  introspection: boolean;
  ide: boolean;
  /** Report the number of SQL statements of each request in `extensions.sqlStatements`. */
  exposeSqlStats: boolean;
  /** What the public viewer may see (README: Security). */
  publicData: {
    /** A group of fewer schools than this is suppressed (small-cell rule of statistical offices). */
    minSchools: number;
  };
  /** What-if overrides: computed apart from the stored versions, bounded in time, number and space. */
  whatIf: {
    /** A what-if's reductions are built within this time or refused (QUERY_TIMEOUT). */
    timeoutMs: number;
    /** What-ifs built at the same time; more are refused with SERVICE_UNAVAILABLE. */
    concurrency: number;
    /** Parameter sets whose reductions are kept; the least recently used beyond it are evicted. */
    keep: number;
  };
  /** Imports: every limit refuses the file whole with a clear reason, logged. */
  imports: {
    maxUploadBytes: number;
    /** Uncompressed size of an XLSX's parts (a zip bomb is refused before it is unpacked). */
    maxUnpackedBytes: number;
    maxCellChars: number;
    maxColumns: number;
    maxRows: number;
    statementTimeoutMs: number;
  };
  /** The connection pool, shared fairly between requests and callers. */
  pool: {
    size: number;
    /** SQL statements one request may run at the same time. */
    perRequest: number;
    /** SQL statements one caller may run at the same time, over all its requests. */
    perCaller: number;
    /** Connections kept for light requests (estimated cost at most `lightCost`). */
    reserveForLight: number;
    lightCost: number;
  };
  /** A GraphQL request answers within this time or is cancelled with its statements (QUERY_TIMEOUT). */
  requestTimeoutMs: number;
  /** A response larger than this is refused (RESPONSE_TOO_LARGE) instead of being sent. */
  maxResponseBytes: number;
  /** Longest lifetime accepted of a bearer token (its `exp` − `iat`, or `exp` − now). */
  maxTokenLifetimeSeconds: number;
  /** On SIGTERM in-flight requests get this long to finish before their statements are cancelled. */
  shutdownGraceMs: number;
  /** Running it (README: Operations). */
  operations: {
    /** pino's level of the JSON log on stdout; `silent` writes nothing. */
    logLevel: LogLevel;
    /** When set, GET /metrics needs `Authorization: Bearer <it>`. */
    metricsToken: string | undefined;
    /** Browser origins allowed to call the API from another site (CORS); none by default. */
    corsOrigins: string[];
    /** gzip/deflate of answers above 1 KB for clients that accept it. */
    compression: boolean;
    /** Shared state of several API processes (the rate limit's windows); absent → in each process. */
    redisUrl: string | undefined;
    /** Prefix of every key this deployment writes in Redis (several deployments may share one). */
    redisKeyPrefix: string;
  };
}

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

function readRedisUrl(r: EnvReader): string | undefined {
  const url = r.string('REDIS_URL');
  if (url !== undefined && !/^rediss?:\/\/\S+$/.test(url)) {
    r.problems.push(`REDIS_URL must be a Redis URL such as redis://127.0.0.1:6379, got «${url}»`);
  }
  return url;
}

/** CORS_ORIGINS: full origins (scheme://host[:port]), comma-separated; a typo would silently allow nothing. */
function readOrigins(r: EnvReader): string[] {
  const origins = (r.string('CORS_ORIGINS') ?? '')
    .split(',')
    .map((o) => o.trim())
    .filter(Boolean);
  for (const origin of origins) {
    if (!/^https?:\/\/[^/\s]+$/.test(origin)) {
      r.problems.push(`CORS_ORIGINS must list origins like https://bi.example.ru, got «${origin}»`);
    }
  }
  return origins;
}

/**
 * Every wrong setting at once, so an operator fixes them in one go; the entry points print it
 * without a stack (operator-error.ts).
 */
export class ConfigError extends OperatorError {
  constructor(readonly problems: readonly string[]) {
    const count = problems.length === 1 ? '1 setting is wrong' : `${problems.length} settings are wrong`;
    super(`${count} (README: Configuration):\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/** The HS256 secret, when set; the value itself is never printed, only its length. */
function readJwtSecret(r: EnvReader): string | undefined {
  const secret = r.string('AUTH_JWT_SECRET');
  if (secret !== undefined && Buffer.byteLength(secret) < MIN_SECRET_BYTES) {
    r.problems.push(
      `AUTH_JWT_SECRET must be at least ${MIN_SECRET_BYTES} bytes (RFC 7518 §3.2), got ${Buffer.byteLength(secret)} bytes; e.g. openssl rand -base64 48`,
    );
  }
  return secret;
}

/** What a deployment must have to be usable and safe; development mode needs none of it. */
function checkAuthentication(config: Config, problems: string[]): void {
  if (config.production && !config.jwtSecret && !config.jwksFile) {
    problems.push('NODE_ENV=production needs AUTH_JWT_SECRET or AUTH_JWKS_FILE: nobody could authenticate');
  }
  if (config.jwksFile && !existsSync(config.jwksFile)) {
    problems.push(`AUTH_JWKS_FILE must be a JWKS file, got «${config.jwksFile}», which does not exist`);
  }
}

/** Reads with `read`, then throws every problem met at once (ConfigError). */
function load<T>(env: NodeJS.ProcessEnv, read: (r: EnvReader) => T): T {
  const r = new EnvReader(env);
  const value = read(r);
  if (r.problems.length) throw new ConfigError(r.problems);
  return value;
}

/** The server's settings (and the export CLI's, which runs the server's GraphQL). */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return load(env, (r) => {
    const config = readConfig(env, r);
    checkAuthentication(config, r.problems);
    return config;
  });
}

/** What a CLI that opens the database reads: DATABASE_URL, else DEFAULT_DATABASE_URL. */
export interface DatabaseSettings {
  databaseUrl: string;
}

export function loadDatabaseSettings(env: NodeJS.ProcessEnv = process.env): DatabaseSettings {
  return load(env, readDatabase);
}

/** `npm run import`: the database and the limits of the upload route (IMPORT_*). */
export interface ImportSettings extends DatabaseSettings {
  imports: Config['imports'];
}

export function loadImportSettings(env: NodeJS.ProcessEnv = process.env): ImportSettings {
  return load(env, (r) => ({ ...readDatabase(r), imports: readImports(r) }));
}

/** `npm run token`: the HS256 secret the server verifies with (required here). */
export interface TokenSettings {
  jwtSecret: string;
}

export function loadTokenSettings(env: NodeJS.ProcessEnv = process.env): TokenSettings {
  return load(env, (r) => {
    const jwtSecret = readJwtSecret(r);
    if (jwtSecret === undefined) {
      r.problems.push(
        `AUTH_JWT_SECRET must be set (at least ${MIN_SECRET_BYTES} bytes, the secret the server verifies tokens with), got nothing`,
      );
    }
    return { jwtSecret: jwtSecret ?? '' };
  });
}

/** LOG_MIGRATIONS, for schema/orm-config.ts; a wrong value is reported by the loaders above. */
export function migrationsLogged(env: NodeJS.ProcessEnv = process.env): boolean {
  return new EnvReader(env).flag('LOG_MIGRATIONS');
}

/** The database of a CLI; LOG_MIGRATIONS is only checked here, read where migrations run (migrationsLogged). */
function readDatabase(r: EnvReader): DatabaseSettings {
  const databaseUrl = r.databaseUrl('DATABASE_URL') ?? DEFAULT_DATABASE_URL;
  r.flag('LOG_MIGRATIONS');
  return { databaseUrl };
}

function readImports(r: EnvReader): Config['imports'] {
  return {
    maxUploadBytes: r.int('IMPORT_MAX_UPLOAD_BYTES', 100 * 1024 * 1024),
    maxUnpackedBytes: r.int('IMPORT_MAX_UNPACKED_BYTES', 300 * 1024 * 1024),
    maxCellChars: r.int('IMPORT_MAX_CELL_CHARS', 2_000),
    maxColumns: r.int('IMPORT_MAX_COLUMNS', 200),
    maxRows: r.int('IMPORT_MAX_ROWS', 5_000_000),
    statementTimeoutMs: r.int('IMPORT_STATEMENT_TIMEOUT_MS', 600_000),
  };
}

function readConfig(env: NodeJS.ProcessEnv, r: EnvReader): Config {
  const production = env.NODE_ENV === 'production';
  const devMode = r.flag('AUTH_DEV_MODE');
  if (devMode && production) r.problems.push('AUTH_DEV_MODE cannot be on when NODE_ENV=production');
  const databaseUrl = r.databaseUrl('DATABASE_URL');
  r.flag('LOG_MIGRATIONS'); // checked here, read where migrations run (migrationsLogged)
  return {
    databaseUrl,
    host: r.string('HOST') ?? '127.0.0.1',
    port: r.port('PORT', 4000),
    embeddedDir: r.string('EMBEDDED_PG_DIR') ?? '.data/pg',
    embeddedPort: r.port('EMBEDDED_PG_PORT', 54329, 1),
    seedDemo: r.flag('SEED_DEMO'),
    seedScale: r.oneOf('SEED_SCALE', ['demo', 'national', 'test'] as const, 'demo'),
    defaultPageSize: r.int('DEFAULT_PAGE_SIZE', 20),
    maxPageSize: r.int('MAX_PAGE_SIZE', 500),
    production,
    authDevMode: devMode,
    publicAccess: r.flag('PUBLIC_ACCESS'),
    jwtSecret: readJwtSecret(r),
    jwksFile: env.AUTH_JWKS_FILE || undefined,
    jwtIssuer: env.AUTH_ISSUER || undefined,
    jwtAudience: env.AUTH_AUDIENCE || undefined,
    persistedOnlyRoles: r.roles('PERSISTED_ONLY_ROLES'),
    limits: {
      maxDepth: r.int('MAX_QUERY_DEPTH', 8),
      maxAliases: r.int('MAX_QUERY_ALIASES', 15),
      maxTokens: r.int('MAX_QUERY_TOKENS', 2000),
      maxCost: r.int('MAX_QUERY_COST', 500_000),
      perMinute: r.int('RATE_LIMIT_PER_MINUTE', 600),
      statementTimeoutMs: r.int('STATEMENT_TIMEOUT_MS', 15_000),
    },
    introspection: env.ENABLE_INTROSPECTION === undefined ? !production : r.flag('ENABLE_INTROSPECTION'),
    ide: env.ENABLE_IDE === undefined ? !production : r.flag('ENABLE_IDE'),
    analyticsCacheSize: r.int('ANALYTICS_CACHE_SIZE', 32),
    exposeSqlStats: env.EXPOSE_SQL_STATS === undefined ? !production : r.flag('EXPOSE_SQL_STATS'),
    publicData: { minSchools: r.int('PUBLIC_MIN_SCHOOLS', 5) },
    whatIf: {
      timeoutMs: r.int('WHATIF_TIMEOUT_MS', 60_000),
      concurrency: r.int('WHATIF_CONCURRENCY', 2),
      keep: r.int('WHATIF_KEEP', 8),
    },
    imports: readImports(r),
    pool: {
      size: r.int('DB_POOL_SIZE', 20),
      perRequest: r.int('MAX_STATEMENTS_PER_REQUEST', 4),
      perCaller: r.int('MAX_STATEMENTS_PER_CALLER', 8),
      reserveForLight: r.int('POOL_RESERVE_FOR_LIGHT', 4),
      lightCost: r.int('LIGHT_QUERY_COST', 1_000),
    },
    requestTimeoutMs: r.int('REQUEST_TIMEOUT_MS', 30_000),
    maxResponseBytes: r.int('MAX_RESPONSE_BYTES', 32 * 1024 * 1024),
    maxTokenLifetimeSeconds: r.int('MAX_TOKEN_LIFETIME_SECONDS', 86_400),
    shutdownGraceMs: r.int('SHUTDOWN_GRACE_MS', 10_000),
    operations: {
      // Tests start many servers in one process: their request lines would bury the test output.
      logLevel: r.oneOf('LOG_LEVEL', LOG_LEVELS, env.NODE_ENV === 'test' ? 'silent' : 'info'),
      metricsToken: r.string('METRICS_TOKEN'),
      corsOrigins: readOrigins(r),
      compression: env.COMPRESSION === undefined ? true : r.flag('COMPRESSION'),
      redisUrl: readRedisUrl(r),
      redisKeyPrefix: r.string('REDIS_KEY_PREFIX') ?? 'shnor:',
    },
  };
}
