import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mintToken } from '../../api/auth/tokens.js';
import { type RunningServer } from '../../api/server.js';
import { slowestLightAnswerDuring } from '../support/attack.js';
import { startTestServer, testDatabaseUrl } from '../support/server.js';

/**
 * Issue 9, class 6: one caller cannot take the whole pool, and a request's statements end with it.
 * A lock held by the test on vpr_result makes every statement over it wait, deterministically: what
 * the server keeps waiting in PostgreSQL is then visible in pg_stat_activity.
 */
const SECRET = 'hardening-pool-secret-of-at-least-32-bytes';
const POOL = {
  DB_POOL_SIZE: '6',
  POOL_RESERVE_FOR_LIGHT: '2',
  MAX_STATEMENTS_PER_CALLER: '3',
  MAX_STATEMENTS_PER_REQUEST: '2',
  LIGHT_QUERY_COST: '50',
};
let server: RunningServer;
let blocker: pg.Client;
let watcher: pg.Pool;
let analyst: string;

beforeAll(async () => {
  server = await startTestServer({
    AUTH_DEV_MODE: '0',
    PUBLIC_ACCESS: '1',
    AUTH_JWT_SECRET: SECRET,
    REQUEST_TIMEOUT_MS: '60000',
    ...POOL,
  });
  blocker = new pg.Client({ connectionString: testDatabaseUrl() });
  await blocker.connect();
  watcher = new pg.Pool({ connectionString: testDatabaseUrl(), max: 1 });
  analyst = await mintToken(SECRET, { role: 'MINISTRY', sub: 'analyst-waiting' });
});
afterAll(async () => {
  await blocker.query('rollback').catch(() => undefined);
  await blocker.end();
  await watcher.end();
  await server.close();
});

/** Statements of the server waiting for the test's lock. */
async function waitingStatements(): Promise<number> {
  const { rows } = await watcher.query<{ n: number }>(
    `select count(*)::int as n from pg_stat_activity
     where datname = current_database() and wait_event_type = 'Lock' and pid <> $1`,
    [(blocker as unknown as { processID: number }).processID],
  );
  return rows[0]?.n ?? 0;
}

async function eventually(check: () => Promise<boolean>, ms = 5_000): Promise<boolean> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (await check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return check();
}

/** Runs `fn` while the test holds vpr_result locked; whatever it started is aborted, the lock released. */
async function withVprLocked(fn: (controller: AbortController) => Promise<void>): Promise<void> {
  await blocker.query('begin');
  await blocker.query('lock table vpr_result in access exclusive mode');
  const controller = new AbortController();
  try {
    await fn(controller);
  } finally {
    controller.abort();
    await blocker.query('rollback');
  }
}

/** The server reaches `n` statements waiting on the lock, and stays there. */
async function holdsSteady(n: number): Promise<void> {
  expect(await eventually(async () => (await waitingStatements()) === n)).toBe(true);
  await new Promise((resolve) => setTimeout(resolve, 500));
  expect(await waitingStatements()).toBe(n);
}

const HEAVY = `{ ${Array.from({ length: 15 }, (_, i) => `s${i}: vprStatistics(groupBy: [REGION, GRADE], filter: { years: [${2022 + (i % 5)}] }) { nodes { participants } }`).join(' ')} }`;

function heavyRequest(url: string, signal?: AbortSignal, headers: Record<string, string> = {}) {
  return fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query: HEAVY }),
    signal,
  }).catch((error: unknown) => error);
}

describe('class 6: the pool is shared fairly, and statements end with their request', () => {
  it('two heavy public requests hold at most the caller share; another caller answers within 200 ms', async () => {
    await withVprLocked(async (controller) => {
      const { slowestMs, failures } = await slowestLightAnswerDuring(
        server.url,
        async () => {
          const attacks = [
            heavyRequest(server.url, controller.signal),
            heavyRequest(server.url, controller.signal),
          ];
          await holdsSteady(3); // the caller's share is full, and stays so
          return attacks;
        },
        { authorization: `Bearer ${analyst}` },
      );
      expect(failures).toBe(0);
      expect(slowestMs).toBeLessThan(200);

      // class 6: the client goes away → its statements are cancelled, though the lock is still held
      controller.abort();
      expect(await eventually(async () => (await waitingStatements()) === 0)).toBe(true);
    });
    // and the server is whole again: the same heavy query answers, correctly
    const answer = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: HEAVY }),
    });
    const body = (await answer.json()) as { errors?: unknown[] };
    expect(body.errors).toBeUndefined();
  });

  it('heavy requests of many callers leave the reserve to light ones', async () => {
    await withVprLocked(async (controller) => {
      const tokens = await Promise.all(
        [1, 2, 3].map((i) => mintToken(SECRET, { role: 'MINISTRY', sub: `heavy-${i}` })),
      );
      const { slowestMs, failures } = await slowestLightAnswerDuring(
        server.url,
        async () => {
          for (const token of tokens)
            void heavyRequest(server.url, controller.signal, { authorization: `Bearer ${token}` });
          // 3 callers × 3 would be 9; the heavy share is the pool less the reserve: 4
          await holdsSteady(4);
        },
        { authorization: `Bearer ${analyst}` },
      );
      expect(failures).toBe(0);
      expect(slowestMs).toBeLessThan(200);
      controller.abort();
      expect(await eventually(async () => (await waitingStatements()) === 0)).toBe(true);
    });
  });

  it('REQUEST_TIMEOUT_MS answers QUERY_TIMEOUT and cancels what the request still runs', async () => {
    const timed = await startTestServer({ REQUEST_TIMEOUT_MS: '700', ...POOL });
    await blocker.query('begin');
    await blocker.query('lock table vpr_result in access exclusive mode');
    try {
      const started = performance.now();
      const response = await fetch(`${timed.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: HEAVY }),
      });
      const body = (await response.json()) as { errors?: { extensions?: { code?: string } }[] };
      const elapsed = performance.now() - started;
      expect(body.errors?.[0]?.extensions?.code).toBe('QUERY_TIMEOUT');
      expect(elapsed).toBeGreaterThanOrEqual(700);
      expect(elapsed).toBeLessThan(5_000);
      // nothing of it runs on after the answer, though the lock is still held
      expect(await eventually(async () => (await waitingStatements()) === 0)).toBe(true);
    } finally {
      await blocker.query('rollback');
      await timed.close();
    }
  });
});
