import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer } from '../../api/server.js';
import { createFreshDatabase, type FreshDatabase } from '../support/fresh-database.js';
import { graphql } from '../support/graphql-client.js';
import { startTestServerOn } from '../support/server.js';

/**
 * A statement held up longer than STATEMENT_TIMEOUT_MS is cancelled by PostgreSQL: the caller gets
 * QUERY_TIMEOUT, the connection goes back to the pool, and the server keeps answering. A lock held
 * by another session makes the slow statement deterministic; the database is the test's own.
 */
let database: FreshDatabase;
let server: RunningServer;
let blocker: pg.Client;

beforeAll(async () => {
  database = await createFreshDatabase({ seed: 'none' });
  server = await startTestServerOn(database.url, { STATEMENT_TIMEOUT_MS: '300' });
  blocker = new pg.Client({ connectionString: database.url });
  await blocker.connect();
});
afterAll(async () => {
  await blocker.end();
  await server.close();
  await database.drop();
});

describe('statement timeout', () => {
  it('cancels a statement that runs too long with QUERY_TIMEOUT, and the server keeps serving', async () => {
    await blocker.query('begin');
    await blocker.query('lock table region in access exclusive mode');
    const started = performance.now();
    const slow = await graphql(server.url, '{ regions(first: 1) { totalCount } }');
    const elapsed = performance.now() - started;
    await blocker.query('rollback');

    expect(slow.errors?.[0]?.extensions?.code).toBe('QUERY_TIMEOUT');
    expect(slow.errors?.[0]?.message).not.toMatch(/canceling statement|region/);
    expect(elapsed).toBeGreaterThanOrEqual(300);
    expect(elapsed).toBeLessThan(5_000);

    const after = await graphql(server.url, '{ regions(first: 1) { totalCount } }');
    expect(after.errors).toBeUndefined();
    expect(after.data).toEqual({ regions: { totalCount: 0 } });
  });
});
