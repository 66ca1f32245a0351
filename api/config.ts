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
}

function flag(value: string | undefined): boolean {
  return value !== undefined && ['1', 'true', 'yes', 'on'].includes(value.toLowerCase());
}

function int(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0)
    throw new Error(`${name} must be a non-negative integer, got «${value}»`);
  return n;
}

function devMode(env: NodeJS.ProcessEnv, production: boolean): boolean {
  const asked = flag(env.AUTH_DEV_MODE);
  if (asked && production) throw new Error('AUTH_DEV_MODE cannot be on when NODE_ENV=production');
  return asked;
}

function roles(value: string | undefined, name: string): Role[] {
  const names = (value ?? '')
    .split(',')
    .map((r) => r.trim())
    .filter(Boolean);
  const known = Object.values(Role) as string[];
  const unknown = names.filter((r) => !known.includes(r));
  if (unknown.length)
    throw new Error(`${name}: unknown role(s) ${unknown.join(', ')}; known: ${known.join(', ')}`);
  return names as Role[];
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const production = env.NODE_ENV === 'production';
  const scale = env.SEED_SCALE ?? 'demo';
  if (scale !== 'demo' && scale !== 'national' && scale !== 'test') {
    throw new Error(`SEED_SCALE must be demo, national or test, got «${scale}»`);
  }
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
      maxCost: int(env.MAX_QUERY_COST, 100_000, 'MAX_QUERY_COST'),
      perMinute: int(env.RATE_LIMIT_PER_MINUTE, 600, 'RATE_LIMIT_PER_MINUTE'),
      statementTimeoutMs: int(env.STATEMENT_TIMEOUT_MS, 15_000, 'STATEMENT_TIMEOUT_MS'),
    },
    introspection: env.ENABLE_INTROSPECTION === undefined ? !production : flag(env.ENABLE_INTROSPECTION),
    ide: env.ENABLE_IDE === undefined ? !production : flag(env.ENABLE_IDE),
    analyticsCacheSize: int(env.ANALYTICS_CACHE_SIZE, 32, 'ANALYTICS_CACHE_SIZE'),
    exposeSqlStats: env.EXPOSE_SQL_STATS === undefined ? !production : flag(env.EXPOSE_SQL_STATS),
  };
}
