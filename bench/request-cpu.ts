import { readFileSync } from 'node:fs';
import { loadGraphql } from './support/load.js';
import { SCHOOLS_ONLY_QUERY } from './support/queries.js';
import { benchHeaders, spawnServer, type ServerProcess } from './support/server-process.js';
import { benchDatabaseUrl } from './support/databases.js';

/**
 * `npm run bench:cpu`: the server's own CPU time per request of the light list query, this checkout
 * against a baseline checkout (BENCH_BASELINE_TREE, e.g. a `git worktree` of the commit before a
 * change, with its node_modules), both secured as deployed, on the same database, alternating.
 *
 * Why CPU time: on a 2-core machine the load generator, PostgreSQL and the server share the cores,
 * so req/s of one configuration moves ±8 % from run to run; the server's CPU milliseconds per
 * answered request (utime + stime from /proc, over a fixed load) is what a change adds, and moves far less.
 */
const DATABASE_URL = benchDatabaseUrl();
const BASELINE = process.env.BENCH_BASELINE_TREE;
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 20);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 4);
const QUERY = process.env.BENCH_QUERY ?? SCHOOLS_ONLY_QUERY;

if (!BASELINE) throw new Error('BENCH_BASELINE_TREE: the path of the baseline checkout (with node_modules)');

/** utime + stime of a process in ms (fields 14 and 15 of /proc/<pid>/stat, in clock ticks of 10 ms). */
function cpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

async function measure(server: ServerProcess) {
  const headers = await benchHeaders();
  await loadGraphql(server.url, QUERY, CONNECTIONS, 3, headers); // warm-up
  const before = cpuMs(server.pid);
  const load = await loadGraphql(server.url, QUERY, CONNECTIONS, SECONDS, headers);
  const cpu = cpuMs(server.pid) - before;
  if (load.errors || load.non2xx) throw new Error(`errors under load: ${JSON.stringify(load)}`);
  return {
    cpuMsPerRequest: cpu / load.requests,
    requestsPerSecond: load.requestsPerSecond,
    p50: load.p50,
    p95: load.p95,
  };
}

const env = { DATABASE_URL, RATE_LIMIT_PER_MINUTE: '1000000000' };
const baseline = await spawnServer(env, 4401, BASELINE);
const current = await spawnServer(env, 4402);
const ratios: number[] = [];
try {
  for (let round = 1; round <= ROUNDS; round += 1) {
    // alternate which goes first, so a drift of the machine does not favour one side
    const [a, b] = round % 2 ? [baseline, current] : [current, baseline];
    const first = await measure(a);
    const second = await measure(b);
    const [old, now] = a === baseline ? [first, second] : [second, first];
    const ratio = now.cpuMsPerRequest / old.cpuMsPerRequest;
    ratios.push(ratio);
    console.log(
      JSON.stringify({ round, date: new Date().toISOString(), baseline: old, current: now, cpuRatio: ratio }),
    );
  }
  const sorted = [...ratios].sort((x, y) => x - y);
  const median = (sorted[(sorted.length - 1) >> 1]! + sorted[sorted.length >> 1]!) / 2;
  console.log(
    JSON.stringify({ connections: CONNECTIONS, seconds: SECONDS, rounds: ROUNDS, cpuRatioMedian: median }),
  );
} finally {
  await Promise.all([baseline.stop(), current.stop()]);
}
