import { anonymousHeaders, benchHeaders, spawnServer } from './support/server-process.js';
import { loadGraphql } from './support/load.js';
import { SCHOOLS_ONLY_QUERY, SCHOOLS_QUERY } from './support/queries.js';
import { benchDatabaseUrl } from './support/databases.js';

/**
 * `npm run bench:api`: p50/p95 of schools(first: 100) with nested municipality/region and latest ВПР
 * results, 20 connections for 20 s, on the national data that `npm run bench:seed` loaded — once as
 * deployed (bearer token verified, query limits and the rate limiter on) and once with all of that
 * off (development viewer, limits 0), so the cost of authentication and limits is a ratio of one run.
 */
const DATABASE_URL = benchDatabaseUrl();
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 20);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);

const MODES = {
  // The rate limiter runs (its bookkeeping is part of the cost) with a ceiling the load never reaches.
  secured: { env: { RATE_LIMIT_PER_MINUTE: '1000000000' }, headers: benchHeaders },
  open: {
    env: {
      NODE_ENV: 'development',
      AUTH_DEV_MODE: '1',
      ENABLE_IDE: '0',
      MAX_QUERY_DEPTH: '0',
      MAX_QUERY_ALIASES: '0',
      MAX_QUERY_TOKENS: '0',
      MAX_QUERY_COST: '0',
      RATE_LIMIT_PER_MINUTE: '0',
    },
    headers: async () => anonymousHeaders,
  },
} as const;

const modes = (process.env.BENCH_MODES ?? 'secured,open').split(',') as (keyof typeof MODES)[];
for (const mode of modes) {
  const { env, headers } = MODES[mode];
  const server = await spawnServer({ DATABASE_URL, ...env }, 4400);
  try {
    const probe = (await (
      await fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: await headers(),
        body: JSON.stringify({ query: SCHOOLS_QUERY }),
      })
    ).json()) as { data?: { schools: { nodes: { vprResults: unknown[] }[] } }; errors?: unknown };
    if (probe.errors || !probe.data)
      throw new Error(`the benchmark query fails: ${JSON.stringify(probe.errors)}`);
    const rows = probe.data.schools.nodes.reduce((n, s) => n + s.vprResults.length, 0);
    console.log(`${mode}: one response: 100 schools, ${rows} ВПР rows`);
    for (const [name, query] of [
      ['schools + municipality/region + latest ВПР', SCHOOLS_QUERY],
      ['schools + municipality/region', SCHOOLS_ONLY_QUERY],
    ] as const) {
      await loadGraphql(server.url, query, CONNECTIONS, 3, await headers()); // warm-up
      const result = await loadGraphql(server.url, query, CONNECTIONS, SECONDS, await headers());
      const date = new Date().toISOString();
      console.log(
        JSON.stringify({ mode, name, date, connections: CONNECTIONS, seconds: SECONDS, ...result }, null, 2),
      );
    }
  } finally {
    await server.stop();
  }
}
