import { expressMiddleware } from '@as-integrations/express5';
import express, { type Express, type Request } from 'express';
import { fileURLToPath } from 'node:url';
import { authenticate, type AuthSettings } from './auth/authenticate.js';
import { loadTokenKeys } from './auth/tokens.js';
import { type Viewer } from './auth/viewer.js';
import { type Config } from './config.js';
import { createContext } from './context.js';
import { ensureDefaultMethodology } from '../analytics/sql/methodologies.js';
import { type Orm } from './db/database.js';
import { knexQueryable } from './db/queryable.js';
import { AnalyticsCache } from './services/analytics/cache.js';
import { runCounted, type StatementCounter } from './db/statement-counter.js';
import { healthRoutes } from './health.js';
import { exportRouter } from './export/export.route.js';
import { importRouter } from './import/import.route.js';
import { rateLimit } from './limits/rate-limit.js';
import { graphiqlRouter } from './ide/graphiql.js';
import { startApollo } from './apollo.js';
import {
  loadTrustedDocuments,
  mustUseTrustedDocument,
  TRUSTED_DOCUMENTS_FILE,
  trustedDocumentsMiddleware,
} from './trusted/trusted-documents.js';
import { GraphQLError } from 'graphql';

export const EXAMPLES_FILE = fileURLToPath(new URL('./operations/examples.graphql', import.meta.url));

export interface App {
  app: Express;
  stop(): Promise<void>;
}

/** The HTTP application: health probes, the offline IDE, and GraphQL. */
export async function createApp(orm: Orm, config: Config): Promise<App> {
  const apollo = await startApollo(config);

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
  // One way to learn who asks and to build what resolvers get, for GraphQL and the file routes alike.
  const viewerOf = (req: Request) => authenticate(req.headers.authorization, auth, knex);
  const contextFor = (viewer: Viewer, statements: StatementCounter = { count: 0 }) =>
    createContext(knex, config, viewer, statements, analyticsCache);
  const app = express();
  app.disable('x-powered-by');
  app.use(healthRoutes(orm));
  const trusted = loadTrustedDocuments();
  // For dashboard builders: the operations they may run by id (no data, only the committed texts).
  app.get('/graphql/trusted-documents.json', (_req, res) => res.sendFile(TRUSTED_DOCUMENTS_FILE));
  app.use('/export', rateLimit(config.limits.perMinute));
  app.use(exportRouter({ apollo, viewerOf, contextFor }));
  app.use(importRouter({ knex, viewerOf }));
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
        const viewer = await viewerOf(req);
        if (mustUseTrustedDocument(viewer.role, config.persistedOnlyRoles, res.locals.trustedDocument)) {
          throw new GraphQLError(`${viewer.role} callers may run only trusted documents: send documentId`, {
            extensions: { code: 'PERSISTED_QUERY_REQUIRED', http: { status: 403 } },
          });
        }
        return contextFor(viewer, res.locals.statements as StatementCounter);
      },
    }),
  );
  return { app, stop: () => apollo.stop() };
}
