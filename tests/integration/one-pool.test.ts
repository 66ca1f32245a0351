import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer } from '../../api/server.js';
import { APPLICATION_NAME } from '../../schema/database.js';
import { startTestServer, testDatabaseUrl } from '../support/server.js';

/**
 * Issue 11: one pool per process. Every connection the server opens names itself
 * (application_name); under a burst of concurrent requests that each fan out into several
 * statements (loaders, analytics reductions, lists), PostgreSQL never sees more of them than the one
 * pool's size, and no connection of another name comes from the server.
 */
const POOL_SIZE = 3;
let server: RunningServer;
let watcher: pg.Client;

beforeAll(async () => {
  server = await startTestServer({ DB_POOL_SIZE: String(POOL_SIZE), POOL_RESERVE_FOR_LIGHT: '1' });
  watcher = new pg.Client({ connectionString: testDatabaseUrl(), application_name: 'one-pool watcher' });
  await watcher.connect();
});
afterAll(async () => {
  await watcher.end();
  await server.close();
});

const QUERIES = [
  '{ schools(first: 50) { nodes { code municipality { name region { name } } vprResults(latest: true) { n2 } } } }',
  '{ shnorCandidates(year: 2026, first: 20) { nodes { status school { code } markers { code } } } }',
  '{ riskFactorSummary(year: 2026) { rows { factor high } } }',
  '{ shnorLists { id counts { included } } regions(first: 5) { nodes { code municipalities { name } } } }',
];

async function ask(query: string): Promise<void> {
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query }),
  });
  const body = (await response.json()) as { errors?: unknown };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
}

/** Every client backend on the test database but the watcher's: in this file, only the server opens any. */
async function backends(): Promise<{ name: string; pid: number }[]> {
  const { rows } = await watcher.query<{ name: string; pid: number }>(
    `select application_name as name, pid from pg_stat_activity
     where datname = current_database() and pid <> pg_backend_pid() and backend_type = 'client backend'`,
  );
  return rows;
}

describe('one pool per process', () => {
  it(`a burst of 40 requests runs on at most ${POOL_SIZE} connections, all of the one pool`, async () => {
    const seen = new Set<number>();
    const names = new Set<string>();
    let most = 0;
    let sampling = true;
    const sampler = (async () => {
      while (sampling) {
        const rows = await backends();
        for (const r of rows) {
          seen.add(r.pid);
          names.add(r.name);
        }
        most = Math.max(most, rows.length);
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    })();
    await Promise.all(Array.from({ length: 40 }, (_, i) => ask(QUERIES[i % QUERIES.length]!)));
    sampling = false;
    await sampler;
    expect(most).toBeGreaterThan(0);
    expect(most).toBeLessThanOrEqual(POOL_SIZE);
    // a pool reuses its connections: the whole burst opened no more backends than its size
    expect(seen.size).toBeLessThanOrEqual(POOL_SIZE);
    expect([...names]).toEqual([APPLICATION_NAME]);
  });
});
