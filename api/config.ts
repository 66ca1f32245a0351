import { MIN_SECRET_BYTES } from './auth/tokens.js';
import { Role } from './auth/viewer.js';

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
}

function flag(value: string | undefined): boolean {
  return value !== undefined && ['1', 'true', 'yes', 'on'].includes(value.toLowerCase());
}

/** Every wrong setting at once, so an operator fixes them in one go (main.ts prints it without a stack). */
export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`configuration refused:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

let problems: string[] = [];

function int(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < 0) {
    problems.push(`${name} must be a non-negative integer, got «${value}»`);
    return fallback;
  }
  return n;
}

function devMode(env: NodeJS.ProcessEnv, production: boolean): boolean {
  const asked = flag(env.AUTH_DEV_MODE);
  if (asked && production) problems.push('AUTH_DEV_MODE cannot be on when NODE_ENV=production');
  return asked;
}

/** What a deployment must have to be usable and safe; development mode needs none of it. */
function checkAuthentication(config: Config): void {
  if (config.jwtSecret !== undefined && Buffer.byteLength(config.jwtSecret) < MIN_SECRET_BYTES) {
    problems.push(
      `AUTH_JWT_SECRET must be at least ${MIN_SECRET_BYTES} bytes (RFC 7518 §3.2), got ${Buffer.byteLength(config.jwtSecret)}; e.g. openssl rand -base64 48`,
    );
  }
  if (config.production && !config.jwtSecret && !config.jwksFile) {
    problems.push('NODE_ENV=production needs AUTH_JWT_SECRET or AUTH_JWKS_FILE: nobody could authenticate');
  }
}

function roles(value: string | undefined, name: string): Role[] {
  const names = (value ?? '')
    .split(',')
    .map((r) => r.trim())
    .filter(Boolean);
  const known = Object.values(Role) as string[];
  const unknown = names.filter((r) => !known.includes(r));
  if (unknown.length)
    problems.push(`${name}: unknown role(s) ${unknown.join(', ')}; known: ${known.join(', ')}`);
  return names.filter((r) => known.includes(r)) as Role[];
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  problems = [];
  const config = readConfig(env);
  checkAuthentication(config);
  const found = problems;
  problems = [];
  if (found.length) throw new ConfigError(found);
  return config;
}

function readConfig(env: NodeJS.ProcessEnv): Config {
  const production = env.NODE_ENV === 'production';
  const asked = env.SEED_SCALE ?? 'demo';
  const scale = asked === 'national' || asked === 'test' ? asked : 'demo';
  if (asked !== scale) problems.push(`SEED_SCALE must be demo, national or test, got «${asked}»`);
  return {
    databaseUrl: env.DATABASE_URL || undefined,
    host: env.HOST ?? '127.0.0.1',
    port: int(env.PORT, 4000, 'PORT'),
    embeddedDir: env.EMBEDDED_PG_DIR ?? '.data/pg',
    embeddedPort: int(env.EMBEDDED_PG_PORT, 54329, 'EMBEDDED_PG_PORT'),
    seedDemo: flag(env.SEED_DEMO),
    seedScale: scale,
    defaultPageSize: int(env.DEFAULT_PAGE_SIZE, 20, 'DEFAULT_PAGE_SIZE'),
    maxPageSize: int(env.MAX_PAGE_SIZE, 500, 'MAX_PAGE_SIZE'),
    production,
    authDevMode: devMode(env, production),
    publicAccess: flag(env.PUBLIC_ACCESS),
    jwtSecret: env.AUTH_JWT_SECRET || undefined,
    jwksFile: env.AUTH_JWKS_FILE || undefined,
    jwtIssuer: env.AUTH_ISSUER || undefined,
    jwtAudience: env.AUTH_AUDIENCE || undefined,
    persistedOnlyRoles: roles(env.PERSISTED_ONLY_ROLES, 'PERSISTED_ONLY_ROLES'),
    limits: {
      maxDepth: int(env.MAX_QUERY_DEPTH, 8, 'MAX_QUERY_DEPTH'),
      maxAliases: int(env.MAX_QUERY_ALIASES, 15, 'MAX_QUERY_ALIASES'),
      maxTokens: int(env.MAX_QUERY_TOKENS, 2000, 'MAX_QUERY_TOKENS'),
      maxCost: int(env.MAX_QUERY_COST, 500_000, 'MAX_QUERY_COST'),
      perMinute: int(env.RATE_LIMIT_PER_MINUTE, 600, 'RATE_LIMIT_PER_MINUTE'),
      statementTimeoutMs: int(env.STATEMENT_TIMEOUT_MS, 15_000, 'STATEMENT_TIMEOUT_MS'),
    },
    introspection: env.ENABLE_INTROSPECTION === undefined ? !production : flag(env.ENABLE_INTROSPECTION),
    ide: env.ENABLE_IDE === undefined ? !production : flag(env.ENABLE_IDE),
    analyticsCacheSize: int(env.ANALYTICS_CACHE_SIZE, 32, 'ANALYTICS_CACHE_SIZE'),
    exposeSqlStats: env.EXPOSE_SQL_STATS === undefined ? !production : flag(env.EXPOSE_SQL_STATS),
    publicData: { minSchools: int(env.PUBLIC_MIN_SCHOOLS, 5, 'PUBLIC_MIN_SCHOOLS') },
    whatIf: {
      timeoutMs: int(env.WHATIF_TIMEOUT_MS, 60_000, 'WHATIF_TIMEOUT_MS'),
      concurrency: int(env.WHATIF_CONCURRENCY, 2, 'WHATIF_CONCURRENCY'),
      keep: int(env.WHATIF_KEEP, 8, 'WHATIF_KEEP'),
    },
    imports: {
      maxUploadBytes: int(env.IMPORT_MAX_UPLOAD_BYTES, 100 * 1024 * 1024, 'IMPORT_MAX_UPLOAD_BYTES'),
      maxUnpackedBytes: int(env.IMPORT_MAX_UNPACKED_BYTES, 300 * 1024 * 1024, 'IMPORT_MAX_UNPACKED_BYTES'),
      maxCellChars: int(env.IMPORT_MAX_CELL_CHARS, 2_000, 'IMPORT_MAX_CELL_CHARS'),
      maxColumns: int(env.IMPORT_MAX_COLUMNS, 200, 'IMPORT_MAX_COLUMNS'),
      maxRows: int(env.IMPORT_MAX_ROWS, 5_000_000, 'IMPORT_MAX_ROWS'),
      statementTimeoutMs: int(env.IMPORT_STATEMENT_TIMEOUT_MS, 600_000, 'IMPORT_STATEMENT_TIMEOUT_MS'),
    },
    pool: {
      size: int(env.DB_POOL_SIZE, 20, 'DB_POOL_SIZE'),
      perRequest: int(env.MAX_STATEMENTS_PER_REQUEST, 4, 'MAX_STATEMENTS_PER_REQUEST'),
      perCaller: int(env.MAX_STATEMENTS_PER_CALLER, 8, 'MAX_STATEMENTS_PER_CALLER'),
      reserveForLight: int(env.POOL_RESERVE_FOR_LIGHT, 4, 'POOL_RESERVE_FOR_LIGHT'),
      lightCost: int(env.LIGHT_QUERY_COST, 1_000, 'LIGHT_QUERY_COST'),
    },
    requestTimeoutMs: int(env.REQUEST_TIMEOUT_MS, 30_000, 'REQUEST_TIMEOUT_MS'),
    maxResponseBytes: int(env.MAX_RESPONSE_BYTES, 32 * 1024 * 1024, 'MAX_RESPONSE_BYTES'),
    maxTokenLifetimeSeconds: int(env.MAX_TOKEN_LIFETIME_SECONDS, 86_400, 'MAX_TOKEN_LIFETIME_SECONDS'),
    shutdownGraceMs: int(env.SHUTDOWN_GRACE_MS, 10_000, 'SHUTDOWN_GRACE_MS'),
  };
}
