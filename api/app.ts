import { ApolloServer } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express, { type Express } from 'express';
import { fileURLToPath } from 'node:url';
import { authenticate, type AuthSettings } from './auth/authenticate.js';
import { loadTokenKeys } from './auth/tokens.js';
import { type Config } from './config.js';
import { type Context, createContext } from './context.js';
import { ensureDefaultMethodology } from '../analytics/sql/methodologies.js';
import { type Orm } from './db/database.js';
import { knexQueryable } from './db/queryable.js';
import { AnalyticsCache } from './services/analytics/cache.js';
import { runCounted, type StatementCounter } from './db/statement-counter.js';
import { formatError } from './errors.js';
import { buildApiSchema } from './graphql/schema.js';
import { healthRoutes } from './health.js';
import { queryLimitsRule } from './limits/query-limits.js';
import { rateLimit } from './limits/rate-limit.js';
import { graphiqlRouter } from './ide/graphiql.js';
import { sqlStatsPlugin } from './sql-stats.plugin.js';
import {
  loadTrustedDocuments,
  mustUseTrustedDocument,
  TRUSTED_DOCUMENTS_FILE,
  trustedDocumentsMiddleware,
} from './trusted/trusted-documents.js';
import { GraphQLError } from 'graphql';

export const EXAMPLES_FILE = fileURLToPath(new URL('./operations/examples.graphql', import.meta.url));

/** Every query limit set to 0: the rule is not run at all (what the limits cost is then measurable). */
function queryLimitsOff(config: Config): boolean {
  const { maxDepth, maxAliases, maxCost } = config.limits;
  return maxDepth === 0 && maxAliases === 0 && maxCost === 0;
}

export interface App {
  app: Express;
  stop(): Promise<void>;
}

/** The HTTP application: health probes, the offline IDE, and GraphQL. */
export async function createApp(orm: Orm, config: Config): Promise<App> {
  const schema = await buildApiSchema();
  const apollo = new ApolloServer<Context>({
    schema,
    formatError,
    includeStacktraceInErrorResponses: false,
    introspection: config.introspection,
    parseOptions: config.limits.maxTokens > 0 ? { maxTokens: config.limits.maxTokens } : {},
    validationRules: queryLimitsOff(config)
      ? []
      : [
          queryLimitsRule({
            ...config.limits,
            defaultPageSize: config.defaultPageSize,
            maxPageSize: config.maxPageSize,
          }),
        ],
    allowBatchedHttpRequests: false,
    // No HTTP cache hints are used; the cache-control plugin would wrap every field resolver.
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginCacheControlDisabled(),
      ...(config.exposeSqlStats ? [sqlStatsPlugin()] : []),
    ],
  });
  await apollo.start();

  const knex = orm.em.getKnex();
  const analyticsCache = new AnalyticsCache(config.analyticsCacheSize);
  const auth: AuthSettings = {
    devMode: config.authDevMode,
    publicAccess: config.publicAccess,
    keys: loadTokenKeys({
      secret: config.jwtSecret,
      jwksFile: config.jwksFile,
      issuer: config.jwtIssuer,
      audience: config.jwtAudience,
    }),
  };
  await ensureDefaultMethodology(knexQueryable(knex));
  const app = express();
  app.disable('x-powered-by');
  app.use(healthRoutes(orm));
  const trusted = loadTrustedDocuments();
  // For dashboard builders: the operations they may run by id (no data, only the committed texts).
  app.get('/graphql/trusted-documents.json', (_req, res) => res.sendFile(TRUSTED_DOCUMENTS_FILE));
  if (config.ide) app.use(graphiqlRouter({ endpoint: '/graphql', examplesFile: EXAMPLES_FILE }));
  app.use(
    '/graphql',
    rateLimit(config.limits.perMinute),
    express.json({ limit: '1mb' }),
    trustedDocumentsMiddleware(trusted),
    (_req, res, next) => {
      const statements: StatementCounter = { count: 0 };
      res.locals.statements = statements;
      // Every statement of this request, wherever it runs, is counted into its own counter. Only when
      // reported: async context tracking costs a few per cent of throughput.
      if (config.exposeSqlStats) runCounted(statements, next);
      else next();
    },
    expressMiddleware(apollo, {
      context: async ({ req, res }) => {
        const viewer = await authenticate(req.headers.authorization, auth, knex);
        if (mustUseTrustedDocument(viewer.role, config.persistedOnlyRoles, res.locals.trustedDocument)) {
          throw new GraphQLError(`${viewer.role} callers may run only trusted documents: send documentId`, {
            extensions: { code: 'PERSISTED_QUERY_REQUIRED', http: { status: 403 } },
          });
        }
        return createContext(knex, config, viewer, res.locals.statements as StatementCounter, analyticsCache);
      },
    }),
  );
  return { app, stop: () => apollo.stop() };
}
