import { SignJWT } from 'jose';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mintToken } from '../../api/auth/tokens.js';
import { type RunningServer } from '../../api/server.js';
import { spawnServer } from '../support/server-process.js';
import { startTestServer, testDatabaseUrl } from '../support/server.js';

/** Issue 9, classes 10 and 11: how the process starts, refuses to start, and stops. */
const SECRET = 'hardening-process-secret-of-at-least-32-bytes';
let admin: pg.Pool;
let blocker: pg.Client;

beforeAll(async () => {
  admin = new pg.Pool({ connectionString: testDatabaseUrl(), max: 2 });
  blocker = new pg.Client({ connectionString: testDatabaseUrl() });
  await blocker.connect();
});
afterAll(async () => {
  await blocker.query('rollback').catch(() => undefined);
  await blocker.end();
  await admin.end();
});

const SLOW = '{ vprStatistics(groupBy: [REGION]) { nodes { participants } } }';

function ask(url: string, query: string) {
  return fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query }),
  });
}

async function waiting(): Promise<number> {
  const { rows } = await admin.query<{ n: number }>(
    `select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`,
  );
  return rows[0]?.n ?? 0;
}

describe('class 10: SIGTERM is graceful', () => {
  it('stops accepting, lets the request in flight finish, exits 0', async () => {
    const server = spawnServer({ DATABASE_URL: testDatabaseUrl(), SHUTDOWN_GRACE_MS: '10000' }, [
      '--dev-auth',
    ]);
    const url = await server.ready;
    await blocker.query('begin');
    await blocker.query('lock table vpr_result in access exclusive mode');
    const inFlight = ask(url, SLOW);
    while ((await waiting()) === 0) await new Promise((resolve) => setTimeout(resolve, 50));
    server.child.kill('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 300));
    // a new request is refused while the old one finishes
    const late = await ask(url, '{ regions { totalCount } }').catch(() => null);
    if (late) expect(late.status).toBe(503);
    const readiness = await fetch(`${url}/readyz`).catch(() => null);
    if (readiness) {
      expect(readiness.status).toBe(503);
      expect(((await readiness.json()) as { reason?: string }).reason).toBe('the server is shutting down');
    }
    await blocker.query('rollback');
    const answer = await inFlight;
    expect(answer.status).toBe(200);
    const body = (await answer.json()) as { data?: { vprStatistics: { nodes: unknown[] } } };
    expect(body.data?.vprStatistics.nodes.length).toBeGreaterThan(0);
    const { code, signal } = await server.exited;
    expect(signal).toBeNull();
    expect(code).toBe(0);
  });

  it('past SHUTDOWN_GRACE_MS cancels what still runs, leaves nothing running, exits 0', async () => {
    const server = spawnServer({ DATABASE_URL: testDatabaseUrl(), SHUTDOWN_GRACE_MS: '500' }, ['--dev-auth']);
    const url = await server.ready;
    await blocker.query('begin');
    await blocker.query('lock table vpr_result in access exclusive mode');
    try {
      const inFlight = ask(url, SLOW).catch(() => null);
      while ((await waiting()) === 0) await new Promise((resolve) => setTimeout(resolve, 50));
      const started = performance.now();
      server.child.kill('SIGTERM');
      const { code } = await server.exited;
      expect(code).toBe(0);
      expect(performance.now() - started).toBeLessThan(5_000);
      await inFlight;
      // the lock is still held: had the statement been left running, it would still wait
      let left = await waiting();
      for (let i = 0; i < 20 && left > 0; i += 1) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        left = await waiting();
      }
      expect(left).toBe(0);
    } finally {
      await blocker.query('rollback');
    }
  });
});

describe('class 11: configuration that should not start', () => {
  it('a mistyped database name is refused, not created', async () => {
    const url = new URL(testDatabaseUrl());
    const typo = `${url.pathname.slice(1)}_typo`;
    url.pathname = `/${typo}`;
    const { code, output } = await spawnServer({ DATABASE_URL: url.toString() }, ['--dev-auth']).exited;
    expect(code).toBe(1);
    expect(output).toContain(`database «${typo}» does not exist`);
    expect(output).not.toMatch(/\n\s+at /); // no stack trace
    const { rows } = await admin.query(`select 1 from pg_database where datname = $1`, [typo]);
    expect(rows).toHaveLength(0);
  });

  it.each([
    [
      'production with no way to authenticate',
      { NODE_ENV: 'production' },
      /AUTH_JWT_SECRET or AUTH_JWKS_FILE/,
    ],
    ['a 1-character HS256 secret', { AUTH_JWT_SECRET: 'x' }, /at least 32 bytes/],
  ])('%s is refused', async (_what, env, message) => {
    const { code, output } = await spawnServer({ DATABASE_URL: testDatabaseUrl(), ...env }).exited;
    expect(code).toBe(1);
    expect(output).toMatch(message);
  });

  it('every wrong setting is reported at once', async () => {
    const { code, output } = await spawnServer({
      DATABASE_URL: testDatabaseUrl(),
      PORT: 'abc',
      MAX_QUERY_DEPTH: '-1',
      PERSISTED_ONLY_ROLES: 'NOBODY',
    }).exited;
    expect(code).toBe(1);
    for (const name of ['PORT', 'MAX_QUERY_DEPTH', 'PERSISTED_ONLY_ROLES']) expect(output).toContain(name);
  });

  it('a port in use is named, with what to do', async () => {
    const first = spawnServer({ DATABASE_URL: testDatabaseUrl() }, ['--dev-auth']);
    const url = await first.ready;
    try {
      const { code, output } = await spawnServer(
        { DATABASE_URL: testDatabaseUrl(), PORT: new URL(url).port },
        ['--dev-auth'],
      ).exited;
      expect(code).toBe(1);
      expect(output).toMatch(/port \d+ .* is in use.*PORT=/);
    } finally {
      first.child.kill('SIGTERM');
      await first.exited;
    }
  });
});

describe('class 11: tokens that must not be accepted', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startTestServer({
      AUTH_DEV_MODE: '0',
      AUTH_JWT_SECRET: SECRET,
      MAX_TOKEN_LIFETIME_SECONDS: '3600',
    });
  });
  afterAll(() => server.close());

  const key = new TextEncoder().encode(SECRET);
  const status = async (token: string) => {
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: '{ regions { totalCount } }' }),
    });
    return response.status;
  };

  it('a token without exp never expires: refused', async () => {
    const token = await new SignJWT({ role: 'MINISTRY' })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuedAt()
      .sign(key);
    expect(await status(token)).toBe(401);
  });

  it('a token living longer than MAX_TOKEN_LIFETIME_SECONDS: refused; within it: accepted', async () => {
    expect(await status(await mintToken(SECRET, { role: 'MINISTRY' }, '2h'))).toBe(401);
    expect(await status(await mintToken(SECRET, { role: 'MINISTRY' }, '30m'))).toBe(200);
  });

  it.each([
    ['municipality: true', { role: 'MUNICIPAL_ANALYST', municipality: true }],
    ['municipality: 1.5', { role: 'MUNICIPAL_ANALYST', municipality: 1.5 }],
    ['region: 56 (a number)', { role: 'REGION_ANALYST', region: 56 }],
    ['regions: "56"', { role: 'BI_SERVICE', regions: '56' }],
  ])('a place claim of the wrong type (%s) is refused, not coerced', async (_what, claims) => {
    expect(await status(await mintToken(SECRET, claims, '10m'))).toBe(401);
  });

  it('well-typed place claims still work', async () => {
    const { rows } = await admin.query<{ id: number }>('select id from municipality order by id limit 1');
    expect(
      await status(await mintToken(SECRET, { role: 'MUNICIPAL_ANALYST', municipality: rows[0]?.id }, '10m')),
    ).toBe(200);
    expect(
      await status(
        await mintToken(SECRET, { role: 'MUNICIPAL_ANALYST', municipality: String(rows[0]?.id) }, '10m'),
      ),
    ).toBe(200);
  });
});
