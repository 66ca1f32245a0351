import { ApolloServer } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { type Config } from '../config/settings.js';
import { type Context } from './context.js';
import { formatErrorWith } from './errors.js';
import { availabilityPlugin } from './availability.plugin.js';
import { buildApiSchema } from './graphql/schema.js';
import { requestChecksPlugin } from './limits/request-checks.plugin.js';
import { queryLimitsRule } from './limits/query-limits.js';
import { sqlStatsPlugin } from './sql-stats.plugin.js';
import { type Logger } from './ops/logger.js';
import { operationsPlugin } from './ops/operations.plugin.js';

/** The GraphQL engine with its limits and error formatting: the HTTP app and the export CLI run the same one. */
export async function startApollo(config: Config, logger: Logger): Promise<ApolloServer<Context>> {
  const apollo = new ApolloServer<Context>({
    schema: await buildApiSchema(),
    formatError: formatErrorWith(config.introspection),
    includeStacktraceInErrorResponses: false,
    introspection: config.introspection,
    parseOptions: config.limits.maxTokens > 0 ? { maxTokens: config.limits.maxTokens } : {},
    // Limits at 0 are off: the rule and the plugin are then not run at all (what they cost is measurable).
    validationRules:
      config.limits.maxDepth === 0 && config.limits.maxAliases === 0 ? [] : [queryLimitsRule(config.limits)],
    allowBatchedHttpRequests: false,
    // Apollo's CSRF prevention, plus: a request carrying Authorization was preflighted (a browser
    // cannot add it cross-site without one), so dashboards' GET /graphql with a token passes.
    csrfPrevention: {
      requestHeaders: ['x-apollo-operation-name', 'apollo-require-preflight', 'authorization'],
    },
    // main.ts drains and stops on SIGTERM itself (Apollo's own handler would stop it mid-request).
    stopOnTerminationSignals: false,
    // No HTTP cache hints are used; the cache-control plugin would wrap every field resolver.
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginCacheControlDisabled(),
      availabilityPlugin(),
      operationsPlugin(logger),
      requestChecksPlugin<Context>(config.limits.maxCost, {
        defaultPageSize: config.defaultPageSize,
        maxPageSize: config.maxPageSize,
      }),
      ...(config.exposeSqlStats ? [sqlStatsPlugin()] : []),
    ],
  });
  await apollo.start();
  return apollo;
}
