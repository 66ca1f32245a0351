import { benchHeaders, spawnServer } from './support/server-process.js';
import { loadGraphql } from './support/load.js';
import { benchDatabaseUrl } from './support/databases.js';

/**
 * `npm run bench:statistics`: the ВПР totals of a year by grade × subject (issue 14's third peer
 * query) as the ministry, 20 connections, on the national data of `npm run bench:seed` — without and
 * with `schoolCount` — against a baseline checkout (BENCH_BASELINE_TREE: a `git worktree` of the
 * commit before a change, with its node_modules), alternating rounds on the same database.
 */
const DATABASE_URL = benchDatabaseUrl();
const BASELINE = process.env.BENCH_BASELINE_TREE;
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 20);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
// A national GROUP BY takes ~1 s alone; 20 at once on 2 cores queue far past autocannon's 10 s default.
const TIMEOUT_SECONDS = 120;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const YEAR = Number(process.env.BENCH_YEAR ?? 2025);

if (!BASELINE) throw new Error('BENCH_BASELINE_TREE: the path of the baseline checkout (with node_modules)');

const totals = (fields: string) =>
  `{ vprStatistics(groupBy: [GRADE, SUBJECT], filter: { years: [${YEAR}] }, first: 500) { nodes { ${fields} } } }`;
const QUERIES = {
  sums: totals('grade subject participants n2 n3 n4 n5 share2 quality meanMark'),
  'sums + schoolCount': totals('grade subject participants n2 n3 n4 n5 share2 quality meanMark schoolCount'),
};

const trees = { current: undefined, baseline: BASELINE } as const;
const results: Record<string, number[]> = {};
for (let round = 0; round < ROUNDS; round += 1) {
  for (const [tree, cwd] of Object.entries(trees)) {
    const server = await spawnServer(
      { DATABASE_URL, RATE_LIMIT_PER_MINUTE: '1000000000', LOG_LEVEL: 'warn' },
      4410,
      cwd,
    );
    try {
      for (const [name, query] of Object.entries(QUERIES)) {
        await loadGraphql(server.url, query, CONNECTIONS, 2, await benchHeaders(), TIMEOUT_SECONDS); // warm-up
        const r = await loadGraphql(
          server.url,
          query,
          CONNECTIONS,
          SECONDS,
          await benchHeaders(),
          TIMEOUT_SECONDS,
        );
        if (r.errors + r.non2xx > 0)
          throw new Error(`${tree} ${name}: ${r.errors + r.non2xx} failed answers`);
        (results[`${name} · ${tree}`] ??= []).push(r.requestsPerSecond);
        console.log(JSON.stringify({ round, tree, name, date: new Date().toISOString(), ...r }));
      }
    } finally {
      await server.stop();
    }
  }
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
for (const name of Object.keys(QUERIES)) {
  const current = median(results[`${name} · current`] ?? []);
  const baseline = median(results[`${name} · baseline`] ?? []);
  console.log(
    `${name}: ${current.toFixed(2)} req/s vs baseline ${baseline.toFixed(2)} — ${(current / baseline).toFixed(2)}×`,
  );
}
