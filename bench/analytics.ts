import { readFile } from 'node:fs/promises';
import pg from 'pg';
import { benchHeaders, spawnServer } from './support/server-process.js';
import { benchDatabaseUrl } from './support/databases.js';

/**
 * `npm run bench:analytics`: on the national data of `npm run bench:seed` —
 * the ШНОР list for all regions for one year, cold (no analytics cache: every request computes),
 * end to end over HTTP; the same warm (cached); the full risk-profile computation (riskFactorSummary,
 * cold); and the floor: one hand-written SQL statement over the raw rows computing lowIndex and
 * lowRank for two years (bench/sql/floor.sql).
 */
const DATABASE_URL = benchDatabaseUrl();
const YEAR = Number(process.env.BENCH_YEAR ?? 2026);
const RUNS = Number(process.env.BENCH_RUNS ?? 7);

const LIST = `{ shnorCandidates(year: ${YEAR}, first: 100) { totalCount methodology { hash }
  nodes { school { code name } status lowIndex lowRank previousLowRank explanation markers { code year }
    evidence { current { vprLow ogeLow egeLow region { vprLow } schoolsRanked } previous { lowRank } } } } }`;
const RISK = `{ riskFactorSummary(year: ${YEAR}, groupBy: REGION) { rows { factor schools high medium low } } }`;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

async function timeQuery(url: string, query: string): Promise<number> {
  const started = performance.now();
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: await benchHeaders(),
    body: JSON.stringify({ query }),
  });
  const body = (await response.json()) as { errors?: unknown };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return performance.now() - started;
}

async function series(url: string, query: string): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i += 1) times.push(await timeQuery(url, query));
  return times;
}

async function floor(): Promise<number[]> {
  const sql = await readFile(new URL('./sql/floor.sql', import.meta.url), 'utf8');
  const client = new pg.Client({ connectionString: DATABASE_URL });
  await client.connect();
  const times: number[] = [];
  try {
    for (let i = 0; i < RUNS; i += 1) {
      const started = performance.now();
      const result = await client.query(sql, [YEAR]);
      times.push(performance.now() - started);
      if (result.rowCount === 0) throw new Error('the floor query returned no rows');
    }
  } finally {
    await client.end();
  }
  return times;
}

const report: Record<string, { runs: number[]; medianMs: number }> = {};
const record = (name: string, runs: number[]) => {
  report[name] = { runs: runs.map(Math.round), medianMs: Math.round(median(runs)) };
};

record('floor: one SQL statement over raw rows (pg client, rows fetched)', await floor());
const cold = await spawnServer({ DATABASE_URL, ANALYTICS_CACHE_SIZE: '0' }, 4410);
try {
  await timeQuery(cold.url, LIST); // the process warms up (JIT, connections); the cache is off
  record('shnorCandidates all regions, cold, HTTP', await series(cold.url, LIST));
  record('riskFactorSummary all regions, cold, HTTP', await series(cold.url, RISK));
} finally {
  await cold.stop();
}
const warm = await spawnServer({ DATABASE_URL }, 4411);
try {
  await timeQuery(warm.url, LIST);
  record('shnorCandidates all regions, cached, HTTP', await series(warm.url, LIST));
} finally {
  await warm.stop();
}
const floorMs = report['floor: one SQL statement over raw rows (pg client, rows fetched)']!.medianMs;
const coldMs = report['shnorCandidates all regions, cold, HTTP']!.medianMs;
console.log(
  JSON.stringify(
    { date: new Date().toISOString(), year: YEAR, report, coldToFloor: +(coldMs / floorMs).toFixed(2) },
    null,
    2,
  ),
);
