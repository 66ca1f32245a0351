import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyOverrides, type MethodologyOverrides } from '../../analytics/methodology/overrides.js';
import { type MethodologyParams } from '../../analytics/methodology/params.js';
import { markerParamsKey, subjectSetKey } from '../../analytics/sql/keys.js';
import { type RunningServer } from '../../api/server.js';
import { createFreshDatabase, type FreshDatabase } from '../support/fresh-database.js';
import { dataOf, graphql, type GraphQLResponse } from '../support/graphql-client.js';
import { clientAs } from '../support/list-workflow.js';
import { startTestServerOn } from '../support/server.js';

// Issue 9, finding 4: what-ifs build reductions, so this file writes; a database of its own.
const YEAR = 2025;
const SECRET = 'what-if-limits-test-secret-of-at-least-32-bytes';

let database: FreshDatabase;
let pool: pg.Pool;
const servers: RunningServer[] = [];

beforeAll(async () => {
  database = await createFreshDatabase();
  pool = new pg.Pool({ connectionString: database.url, max: 4 });
});
afterAll(async () => {
  for (const s of servers) await s.close();
  await pool?.end();
  await database?.drop();
});

async function serverWith(env: NodeJS.ProcessEnv): Promise<RunningServer> {
  const server = await startTestServerOn(database.url, env);
  servers.push(server);
  return server;
}

/** A what-if touching both parameter-dependent reductions: its own subject set and marker parameters. */
const GRADES = [
  [4, 5, 6, 7],
  [5, 6, 7, 8],
  [4, 5, 6],
  [6, 7, 8],
  [4, 6, 8],
  [5, 7],
  [4, 8],
  [4, 5],
];
const whatIf = (i: number): MethodologyOverrides => ({
  indicators: { coreGrades: GRADES[i % GRADES.length]! },
  markers: { minMarkerN: 11 + i },
});

const MARKERS = `query($overrides: MethodologyOverridesInput, $year: Int!) {
  objectivityMarkers(year: $year, first: 1, overrides: $overrides) {
    totalCount methodology { hash overridden params } } }`;
interface Markers {
  objectivityMarkers: { totalCount: number; methodology: { overridden: boolean; params: MethodologyParams } };
}
const markers = (url: string, overrides: MethodologyOverrides | null = null) =>
  graphql<Markers, unknown>(url, MARKERS, { overrides, year: YEAR });

const code = (r: GraphQLResponse<unknown>) => r.errors?.[0]?.extensions?.code;

async function defaultParams(): Promise<MethodologyParams> {
  const { rows } = await pool.query(`select params from methodology_version where name = 'default-v1'`);
  return rows[0].params as MethodologyParams;
}

/** The reduction keys of every stored version: never evicted. */
async function storedKeys(): Promise<{ sets: Set<string>; markers: Set<string> }> {
  const { rows } = await pool.query<{ params: MethodologyParams }>(`select params from methodology_version`);
  return {
    sets: new Set(rows.map((r) => subjectSetKey(r.params))),
    markers: new Set(rows.map((r) => markerParamsKey(r.params))),
  };
}

/** reduction_state keys of each kind that belong to no stored version. */
async function whatIfKeys(): Promise<{ sets: string[]; markers: string[] }> {
  const stored = await storedKeys();
  const { rows } = await pool.query<{ kind: string; key: string }>(
    `select kind, key from reduction_state where kind in ('school_year_counts', 'markers') order by key`,
  );
  return {
    sets: rows.filter((r) => r.kind === 'school_year_counts' && !stored.sets.has(r.key)).map((r) => r.key),
    markers: rows.filter((r) => r.kind === 'markers' && !stored.markers.has(r.key)).map((r) => r.key),
  };
}

/** Rows of one parameter set in every reduction table. */
async function rowsOf(p: MethodologyParams) {
  const set = subjectSetKey(p);
  const marker = markerParamsKey(p);
  const { rows } = await pool.query<Record<string, number>>(
    `select (select count(*)::int from school_year_counts where set_key = $1) as counts,
            (select count(*)::int from school_year_frame where set_key = $1) as frames,
            (select count(*)::int from objectivity_marker where params_key = $2) as markers,
            (select count(*)::int from reduction_state where (kind = 'school_year_counts' and key = $1)
               or (kind = 'markers' and key = $2)) as states`,
    [set, marker],
  );
  return rows[0]!;
}

/** Schools with a stored marker of the default version in YEAR: what objectivityMarkers must count. */
async function markedSchools(): Promise<number> {
  const { rows } = await pool.query<{ n: number }>(
    `select count(distinct school_id)::int as n from objectivity_marker where params_key = $1 and year = $2`,
    [markerParamsKey(await defaultParams()), YEAR],
  );
  return rows[0]!.n;
}

/**
 * Holds objectivity_marker in EXCLUSIVE mode (reads go on, writes wait): a what-if's marker build
 * then stays "building" until released — deterministic, however fast the machine.
 */
async function holdMarkerWrites(): Promise<() => Promise<void>> {
  const client = await pool.connect();
  await client.query('begin');
  await client.query('lock table objectivity_marker in exclusive mode');
  let held = true;
  return async () => {
    if (!held) return;
    held = false;
    try {
      await client.query('rollback');
    } finally {
      client.release();
    }
  };
}

/** Until a statement deleting markers waits for a lock (the what-if build is under way). */
async function untilMarkerBuildWaits(): Promise<void> {
  for (let i = 0; i < 200; i += 1) {
    const { rows } = await pool.query<{ n: number }>(
      `select count(*)::int as n from pg_stat_activity where datname = current_database()
       and wait_event_type = 'Lock' and query like 'delete from objectivity_marker%'`,
    );
    if (rows[0]!.n > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('no what-if build started');
}

const TIMED_OUT = Symbol('timed out');
function within<T>(ms: number, promise: Promise<T>): Promise<T | typeof TIMED_OUT> {
  return Promise.race([promise, new Promise<typeof TIMED_OUT>((r) => setTimeout(() => r(TIMED_OUT), ms))]);
}

async function latency(url: string): Promise<number> {
  const started = performance.now();
  const answer = await graphql<{ regions: { totalCount: number } }, unknown>(
    url,
    `
      {
        regions(first: 1) {
          totalCount
        }
      }
    `,
  );
  const ms = performance.now() - started;
  const { rows } = await pool.query<{ n: number }>(`select count(*)::int as n from region`);
  expect(dataOf(answer).regions.totalCount).toBe(rows[0]!.n);
  return ms;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

describe('what-ifs of a viewer who sees no analytics', () => {
  it('are refused before anything is built: no row written', async () => {
    const server = await serverWith({ AUTH_DEV_MODE: '0', PUBLIC_ACCESS: '1', AUTH_JWT_SECRET: SECRET });
    const before = await pool.query(
      `select (select count(*)::int from objectivity_marker) as markers,
              (select count(*)::int from school_year_counts) as counts,
              (select json_agg(r order by kind, key) from reduction_state r) as state`,
    );
    const overrides = (i: number) => JSON.stringify(whatIf(i)).replace(/"(\w+)":/g, '$1:');
    const entryPoints = [
      `{ shnorCandidates(year: 2026, first: 1, overrides: ${overrides(0)}) { totalCount } }`,
      `{ objectivityMarkers(year: ${YEAR}, first: 1, overrides: ${overrides(1)}) { totalCount } }`,
      `{ riskProfiles(year: ${YEAR}, first: 1, overrides: ${overrides(2)}) { totalCount } }`,
      `{ shnorSummary(year: 2026, overrides: ${overrides(3)}) { rows { schools } } }`,
      `{ riskFactorSummary(year: ${YEAR}, overrides: ${overrides(4)}) { rows { schools } } }`,
    ];
    for (const query of entryPoints) {
      const answer = await graphql(server.url, query);
      expect(code(answer), query).toBe('FORBIDDEN');
      expect(answer.errors?.[0]?.extensions?.argument).toBe('overrides');
    }
    // A token whose scope resolved to nothing (an unknown region) sees no analytics either.
    const nobody = await clientAs(server.url, SECRET, { role: 'REGION_ANALYST', region: '00' });
    const region = (await pool.query(`select code from region order by code limit 1`)).rows[0].code as string;
    const dynamics = await nobody(
      `{ dynamics(entity: REGION, id: "${region}", indicator: LOW_INDEX, overrides: ${overrides(5)}) { points { year } } }`,
    );
    expect(code(dynamics)).toBe('FORBIDDEN');
    // The stored version still answers as before: nothing of it for the public.
    expect(
      dataOf(
        await graphql(
          server.url,
          `
            {
              shnorCandidates(year: 2026, first: 1) {
                totalCount
              }
            }
          `,
        ),
      ),
    ).toEqual({
      shnorCandidates: { totalCount: 0 },
    });
    const after = await pool.query(
      `select (select count(*)::int from objectivity_marker) as markers,
              (select count(*)::int from school_year_counts) as counts,
              (select json_agg(r order by kind, key) from reduction_state r) as state`,
    );
    expect(after.rows).toEqual(before.rows);
  });
});

describe('what-if reductions are kept for at most WHATIF_KEEP parameter sets', () => {
  it('evicts the least recently used beyond it, never a stored version’s', async () => {
    const keep = 2;
    const server = await serverWith({ WHATIF_KEEP: String(keep) });
    const stored = await defaultParams();
    const storedBefore = await rowsOf(stored);
    expect(storedBefore.counts).toBeGreaterThan(0);
    expect(storedBefore.markers).toBeGreaterThan(0);
    const baseline = dataOf(await markers(server.url)).objectivityMarkers.totalCount;
    expect(baseline).toBe(await markedSchools());

    const params: MethodologyParams[] = [];
    const ask = async (i: number) => {
      const answer = dataOf(await markers(server.url, whatIf(i))).objectivityMarkers;
      expect(answer.methodology.overridden).toBe(true);
      params[i] = answer.methodology.params;
      const keys = await whatIfKeys();
      expect(keys.sets.length).toBeLessThanOrEqual(keep);
      expect(keys.markers.length).toBeLessThanOrEqual(keep);
      // the what-if just asked is built, whole
      const own = await rowsOf(answer.methodology.params);
      expect(own.counts).toBeGreaterThan(0);
      expect(own.frames).toBeGreaterThan(0);
      expect(own.states).toBe(2);
      return answer;
    };
    for (let i = 0; i < keep + 3; i += 1) await ask(i);
    const keysOf = (is: number[]) => ({
      sets: is.map((i) => subjectSetKey(params[i]!)).sort(),
      markers: is.map((i) => markerParamsKey(params[i]!)).sort(),
    });
    expect(await whatIfKeys()).toEqual(keysOf([3, 4]));
    // Reading #3 again makes #4 the least recently used: #5 evicts it.
    await ask(3);
    await ask(5);
    expect(await whatIfKeys()).toEqual(keysOf([3, 5]));
    for (const i of [0, 1, 2, 4]) {
      expect(await rowsOf(params[i]!)).toEqual({ counts: 0, frames: 0, markers: 0, states: 0 });
    }
    // No rows left behind of any evicted set.
    const storedSets = await storedKeys();
    const live = {
      sets: [...storedSets.sets, ...keysOf([3, 5]).sets],
      markers: [...storedSets.markers, ...keysOf([3, 5]).markers],
    };
    const orphans = await pool.query(
      `select (select count(*)::int from school_year_counts where set_key <> all($1::text[])) as counts,
              (select count(*)::int from school_year_frame where set_key <> all($1::text[])) as frames,
              (select count(*)::int from objectivity_marker where params_key <> all($2::text[])) as markers`,
      [live.sets, live.markers],
    );
    expect(orphans.rows[0]).toEqual({ counts: 0, frames: 0, markers: 0 });
    // The stored version's reductions are untouched, and its answers still right.
    expect(await rowsOf(stored)).toEqual(storedBefore);
    const after = dataOf(await markers(server.url)).objectivityMarkers;
    expect(after.methodology.overridden).toBe(false);
    expect(after.totalCount).toBe(await markedSchools());
    expect(after.totalCount).toBe(baseline);
  });
});

describe('a what-if build longer than WHATIF_TIMEOUT_MS', () => {
  it('answers QUERY_TIMEOUT and leaves nothing of it', async () => {
    const server = await serverWith({ WHATIF_TIMEOUT_MS: '1' });
    const overrides = { indicators: { coreGrades: [4, 7] }, markers: { minMarkerN: 40 } };
    const p = applyOverrides(await defaultParams(), overrides);
    const answer = await markers(server.url, overrides);
    expect(code(answer)).toBe('QUERY_TIMEOUT');
    expect(await rowsOf(p)).toEqual({ counts: 0, frames: 0, markers: 0, states: 0 });
    // stored versions are not bounded by the what-if timeout
    expect(dataOf(await markers(server.url)).objectivityMarkers.totalCount).toBe(await markedSchools());
  });
});

describe('while a what-if builds', () => {
  it('stored-version reads, light queries and other what-ifs do not wait for it', async () => {
    const server = await serverWith({});
    const idle: number[] = [];
    for (let i = 0; i < 5; i += 1) idle.push(await latency(server.url));

    // A real build (both reductions, nothing held): light queries sent every 50 ms meanwhile.
    const during: number[] = [];
    let done = false;
    const real = markers(server.url, {
      indicators: { coreGrades: [5, 6] },
      markers: { minMarkerN: 50 },
    }).finally(() => (done = true));
    while (!done) {
      during.push(await latency(server.url));
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(code(await real)).toBeUndefined();

    const release = await holdMarkerWrites();
    try {
      // What-if A changes the markers only: its build waits on the held table.
      const a = markers(server.url, { markers: { minMarkerN: 51 } });
      await untilMarkerBuildWaits();
      const blocked: number[] = [];
      for (let i = 0; i < 5; i += 1) blocked.push(await latency(server.url));
      // The stored version answers, correctly.
      const stored = await within(10_000, markers(server.url));
      expect(stored).not.toBe(TIMED_OUT);
      expect(dataOf(stored as GraphQLResponse<Markers>).objectivityMarkers.totalCount).toBe(
        await markedSchools(),
      );
      // What-if B (another subject set, the stored markers) builds at the same time as A.
      const bOverrides = { indicators: { coreGrades: [4, 6] } };
      const b = await within(20_000, markers(server.url, bOverrides));
      expect(b).not.toBe(TIMED_OUT);
      expect(dataOf(b as GraphQLResponse<Markers>).objectivityMarkers.methodology.overridden).toBe(true);
      const built = await rowsOf(applyOverrides(await defaultParams(), bOverrides));
      expect(built.counts).toBeGreaterThan(0);
      await release();
      const answerA = await a;
      expect(code(answerA)).toBeUndefined();
      console.info(
        `regions(first: 1) latency, ms — idle median ${median(idle).toFixed(1)}; during a real what-if build ` +
          `(${during.length} samples) median ${median(during).toFixed(1)}, max ${Math.max(...during).toFixed(1)}; ` +
          `while a build waits median ${median(blocked).toFixed(1)}, max ${Math.max(...blocked).toFixed(1)}`,
      );
      expect(median(blocked)).toBeLessThan(200);
      expect(median(during)).toBeLessThan(200);
    } finally {
      await release();
    }
  });
});

describe('more what-ifs at once than WHATIF_CONCURRENCY', () => {
  it('refuses the extra one at once with SERVICE_UNAVAILABLE', async () => {
    const server = await serverWith({ WHATIF_CONCURRENCY: '1' });
    const release = await holdMarkerWrites();
    try {
      const first = { markers: { minMarkerN: 61 } };
      const second = { markers: { minMarkerN: 62 } };
      const answers = [markers(server.url, first), markers(server.url, second)];
      const settled = await within(
        10_000,
        Promise.race(answers.map((a, i) => a.then((answer) => ({ i, answer })))),
      );
      expect(settled).not.toBe(TIMED_OUT);
      const { i, answer } = settled as { i: number; answer: GraphQLResponse<Markers> };
      expect(code(answer)).toBe('SERVICE_UNAVAILABLE');
      expect(answer.errors?.[0]?.message).toMatch(/retry/);
      await release();
      const other = await answers[1 - i]!;
      expect(code(other)).toBeUndefined();
      // Once the build is done, the refused one goes through.
      const retried = await markers(server.url, i === 0 ? first : second);
      expect(code(retried)).toBeUndefined();
    } finally {
      await release();
    }
  });
});

describe('while an import refreshes the reductions', () => {
  it('refuses a what-if at once; stored versions still answer', async () => {
    const server = await serverWith({});
    const overrides = { markers: { minMarkerN: 71 } };
    // What every import holds for its whole transaction (ingest/import.ts), refresh included.
    const importing = await pool.connect();
    try {
      await importing.query('begin');
      await importing.query(`select pg_advisory_xact_lock(hashtext('shnor-import'))`);
      const refused = await within(10_000, markers(server.url, overrides));
      expect(refused).not.toBe(TIMED_OUT);
      expect(code(refused as GraphQLResponse<Markers>)).toBe('SERVICE_UNAVAILABLE');
      const stored = await within(10_000, markers(server.url));
      expect(stored).not.toBe(TIMED_OUT);
      expect(dataOf(stored as GraphQLResponse<Markers>).objectivityMarkers.totalCount).toBe(
        await markedSchools(),
      );
    } finally {
      await importing.query('rollback');
      importing.release();
    }
    expect(await rowsOf(applyOverrides(await defaultParams(), overrides))).toEqual({
      counts: (await rowsOf(await defaultParams())).counts,
      frames: (await rowsOf(await defaultParams())).frames,
      markers: 0,
      states: 1,
    });
    expect(code(await markers(server.url, overrides))).toBeUndefined();
  });
});
