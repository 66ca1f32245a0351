import { expressMiddleware } from '@as-integrations/express5';
import compression from 'compression';
import cors from 'cors';
import express, { type Express, type Request, type RequestHandler, type Response } from 'express';
import { fileURLToPath } from 'node:url';
import { GraphQLError } from 'graphql';
import { authenticate, type AuthSettings } from './auth/authenticate.js';
import { callerKey, requestViewer } from './auth/request-viewer.js';
import { loadTokenKeys } from './auth/tokens.js';
import { type Viewer } from '../db/viewer.js';
import { type Config } from '../config/settings.js';
import { createContext } from './context.js';
import { ensureDefaultMethodology } from '../analytics/sql/methodologies.js';
import { type Orm } from '../schema/database.js';
import { guardPool } from './limits/pool-guard.js';
import { connectionLender, knexQueryable } from '../db/knex-queryable.js';
import { type RequestBudget } from './limits/request-budget.js';
import { runCounted, type StatementCounter } from '../db/statement-counter.js';
import { AnalyticsCache } from './services/analytics/cache.js';
import { healthRoutes } from './health.js';
import { exportRouter } from './export/export.route.js';
import { importRouter } from './import/import.route.js';
import { rateLimit } from './limits/rate-limit.js';
import { redisWindows } from './limits/redis-windows.js';
import { connectRedis } from './ops/redis.js';
import { responseSizeLimit } from './limits/response-size.js';
import { graphiqlRouter } from './ide/graphiql.js';
import { docsRouter } from './docs/docs.route.js';
import { startApollo } from './apollo.js';
import { type Draining, drainingGate } from './shutdown.js';
import {
  loadTrustedDocuments,
  mustUseTrustedDocument,
  TRUSTED_DOCUMENTS_FILE,
  trustedDocumentsMiddleware,
} from './trusted/trusted-documents.js';
import { jsonErrors } from './http-errors.js';
import { unavailableError } from './availability.plugin.js';
import { isUnavailable } from './errors.js';
import { createLogger } from './ops/logger.js';
import { Metrics } from './ops/metrics.js';
import { metricsRoute } from './ops/metrics.route.js';
import { type RequestReport, requestLog } from './ops/request-log.js';

export const EXAMPLES_FILE = fileURLToPath(new URL('./operations/examples.graphql', import.meta.url));

export interface App {
  app: Express;
  /** Refuses new requests (503) and reports when the in-flight ones have finished. */
  draining: Draining;
  /** Cancels the statements of every request still open (after the shutdown grace). */
  cancelAll(): void;
  stop(): Promise<void>;
}

/** The HTTP application: health probes, the offline IDE, GraphQL and the file routes. */
export async function createApp(orm: Orm, config: Config, databaseUrl: string): Promise<App> {
  const logger = createLogger(config.operations.logLevel);
  const apollo = await startApollo(config, logger);

  const knex = orm.em.getKnex();
  const analyticsCache = new AnalyticsCache(config.analyticsCacheSize);
  const metrics = new Metrics({ pool: () => pool.usage(), cache: () => analyticsCache.lookups() });
  const pool = guardPool(knex, databaseUrl, config.pool, (seconds) =>
    metrics.connectionWait.observe(seconds),
  );
  const auth: AuthSettings = {
    devMode: config.authDevMode,
    publicAccess: config.publicAccess,
    keys: loadTokenKeys({
      secret: config.jwtSecret,
      jwksFile: config.jwksFile,
      issuer: config.jwtIssuer,
      audience: config.jwtAudience,
      maxLifetimeSeconds: config.maxTokenLifetimeSeconds,
    }),
  };
  // Work outside any request's budget (authentication, start-up), on the same pool.
  const db = knexQueryable(knex);
  await ensureDefaultMethodology(db);
  // One way to learn who asks, once per request, for the limits, GraphQL and the file routes alike.
  const viewerOf = (req: Request) =>
    requestViewer(req, (r) => authenticate(r.headers.authorization, auth, db));
  // A request's context: over its share of the pool when it has one (res.locals, set by `budgeted`).
  const contextFor = (viewer: Viewer, res?: Response) => {
    const budget = res?.locals.budget as RequestBudget | undefined;
    return createContext(
      knexQueryable(budget ? pool.knexFor(budget) : knex),
      // a unit of work of its own per request (type-graphql examples/mikro-orm), on the ORM's one pool
      () => orm.em.fork(),
      config,
      viewer,
      (res?.locals.statements as StatementCounter | undefined) ?? { count: 0 },
      analyticsCache,
      {
        budget,
        report: res?.locals.report as RequestReport | undefined,
      },
    );
  };
  const draining = drainingGate();
  const open = new Set<{ end(reason: string): void }>();
  // Each request's statements share the pool by its budget (a knex of its own); they are cancelled
  // when it ends early (disconnect, REQUEST_TIMEOUT_MS, shutdown), so nothing runs on after its answer.
  const budgeted =
    (timeoutMs: number): RequestHandler =>
    (req, res, next) => {
      void callerKey(req, viewerOf).then((caller) => {
        const budget = pool.shares.budgetFor(caller);
        open.add(budget);
        const timer =
          timeoutMs > 0 ? setTimeout(() => budget.end('REQUEST_TIMEOUT_MS'), timeoutMs).unref() : undefined;
        res.on('close', () => {
          clearTimeout(timer);
          open.delete(budget);
          if (res.writableFinished) budget.finish();
          else budget.end('the client went away');
        });
        res.locals.budget = budget;
        const statements: StatementCounter = { count: 0 };
        res.locals.statements = statements;
        // Every statement of this request, wherever it runs, is counted into its own counter. Only
        // when reported: async context tracking costs throughput (statement-counter.ts).
        if (config.exposeSqlStats) runCounted(statements, next);
        else next();
      }, next);
    };
  const redis = config.operations.redisUrl ? connectRedis(config.operations.redisUrl, logger) : undefined;
  const limited = rateLimit(
    config.limits.perMinute,
    (req) => callerKey(req, viewerOf),
    redis ? redisWindows(redis, config.operations.redisKeyPrefix) : undefined,
  );

  const app = express();
  app.disable('x-powered-by');
  app.use(requestLog(logger, metrics));
  if (config.operations.corsOrigins.length) app.use(corsFor(config.operations.corsOrigins));
  // An XLSX is a zip already: compression's own filter passes only compressible types (JSON, CSV, HTML).
  if (config.operations.compression) app.use(compression({ threshold: 1024 }));
  app.use(draining.middleware);
  app.use(limited);
  app.use(healthRoutes(orm, draining));
  app.use(metricsRoute(metrics, config.operations.metricsToken));
  const trusted = loadTrustedDocuments();
  // For dashboard builders: the operations they may run by id (no data, only the committed texts).
  app.get('/graphql/trusted-documents.json', (_req, res) => res.sendFile(TRUSTED_DOCUMENTS_FILE));
  // An export pages through many answers (no overall timeout); an import holds its one connection.
  app.use('/export', budgeted(0));
  app.use(exportRouter({ apollo, viewerOf, contextFor }));
  app.use(
    importRouter({
      connect: connectionLender(knex),
      metrics,
      viewerOf,
      limits: config.imports,
      // POST /import/roadmap runs importRoadmap in a request context of its own, as /graphql does.
      roadmapContext: (viewer) => contextFor(viewer),
    }),
  );
  app.use(docsRouter());
  if (config.ide) app.use(graphiqlRouter({ endpoint: '/graphql', examplesFile: EXAMPLES_FILE }));
  app.use(
    '/graphql',
    express.json({ limit: '1mb' }),
    trustedDocumentsMiddleware(trusted),
    responseSizeLimit(config.maxResponseBytes),
    budgeted(config.requestTimeoutMs),
    expressMiddleware(apollo, {
      context: async ({ req, res }) => {
        const viewer = await viewerOf(req).catch((error: unknown) => {
          throw isUnavailable(error) ? unavailableError() : error;
        });
        if (mustUseTrustedDocument(viewer.role, config.persistedOnlyRoles, res.locals.trustedDocument)) {
          throw new GraphQLError(`${viewer.role} callers may run only trusted documents: send documentId`, {
            extensions: { code: 'PERSISTED_QUERY_REQUIRED', http: { status: 403 } },
          });
        }
        res.locals.role = viewer.role;
        return contextFor(viewer, res);
      },
    }),
  );
  app.use(jsonErrors);
  return {
    app,
    draining,
    cancelAll: () => {
      for (const budget of open) budget.end('the server is shutting down');
    },
    stop: async () => {
      await apollo.stop();
      await pool.close();
      await redis?.quit().catch(() => undefined);
    },
  };
}

/**
 * Cross-site browser callers (a BI portal on another origin) only from the listed origins; the
 * CSRF rule (apollo.ts) still refuses simple cross-site requests, listed or not.
 */
function corsFor(origins: string[]): RequestHandler {
  return cors({
    origin: origins,
    allowedHeaders: ['content-type', 'authorization', 'x-request-id', 'apollo-require-preflight'],
    exposedHeaders: ['x-request-id', 'retry-after'],
    maxAge: 600,
  });
}
