import { ApolloServer } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { type Config } from './config.js';
import { type Context } from './context.js';
import { formatError } from './errors.js';
import { buildApiSchema } from './graphql/schema.js';
import { queryLimitsRule } from './limits/query-limits.js';
import { sqlStatsPlugin } from './sql-stats.plugin.js';

/** Every query limit set to 0: the rule is not run at all (what the limits cost is then measurable). */
function queryLimitsOff(config: Config): boolean {
  const { maxDepth, maxAliases, maxCost } = config.limits;
  return maxDepth === 0 && maxAliases === 0 && maxCost === 0;
}

/** The GraphQL engine with its limits and error formatting: the HTTP app and the export CLI run the same one. */
export async function startApollo(config: Config): Promise<ApolloServer<Context>> {
  const apollo = new ApolloServer<Context>({
    schema: await buildApiSchema(),
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
  return apollo;
}
