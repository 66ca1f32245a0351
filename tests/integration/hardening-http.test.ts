import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mintToken } from '../../api/auth/tokens.js';
import { type RunningServer } from '../../api/server.js';
import { startTestServer, startTestServerOn, testDatabaseUrl } from '../support/server.js';
import { startTcpProxy } from '../support/tcp-proxy.js';

/** Issue 9, classes 7 and 12: the rate limit keyed by who asks, and answers that say what went wrong. */
const SECRET = 'hardening-http-secret-of-at-least-32-bytes';
let server: RunningServer;
let db: pg.Pool;

beforeAll(async () => {
  server = await startTestServer();
  db = new pg.Pool({ connectionString: testDatabaseUrl(), max: 1 });
});
afterAll(async () => {
  await server.close();
  await db.end();
});

type Body = { data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[] };

async function post(url: string, body: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });
  return { response, text: await response.text() };
}

const query = (q: string, variables?: unknown) => JSON.stringify({ query: q, variables });

describe('class 7: the rate limit counts the verified caller, else the address, on every route', () => {
  it('one token spelled four ways is one window', async () => {
    const limited = await startTestServer({ RATE_LIMIT_PER_MINUTE: '3', AUTH_JWT_SECRET: SECRET });
    try {
      const token = await mintToken(SECRET, { role: 'MINISTRY', sub: 'respelled' });
      const statuses: number[] = [];
      for (const header of [`Bearer ${token}`, `bearer ${token}`, `BEARER  ${token}`, `Bearer\t${token}`]) {
        statuses.push(
          (await post(limited.url, query('{ regions { totalCount } }'), { authorization: header })).response
            .status,
        );
      }
      expect(statuses).toEqual([200, 200, 200, 429]);
    } finally {
      await limited.close();
    }
  });

  it('garbage Authorization headers count against the address and cannot clear another window', async () => {
    const limited = await startTestServer({ RATE_LIMIT_PER_MINUTE: '5', AUTH_JWT_SECRET: SECRET });
    try {
      const victim = await mintToken(SECRET, { role: 'MINISTRY', sub: 'victim' });
      for (let i = 0; i < 5; i += 1) {
        expect(
          (
            await post(limited.url, query('{ regions { totalCount } }'), {
              authorization: `Bearer ${victim}`,
            })
          ).response.status,
        ).toBe(200);
      }
      const garbage = await Promise.all(
        Array.from({ length: 300 }, (_, i) =>
          post(limited.url, query('{ regions { totalCount } }'), { authorization: `Bearer garbage-${i}` }),
        ),
      );
      const refused = garbage.filter((g) => g.response.status === 429).length;
      expect(refused).toBeGreaterThanOrEqual(295);
      // the victim's window was not reset by the flood
      expect(
        (await post(limited.url, query('{ regions { totalCount } }'), { authorization: `Bearer ${victim}` }))
          .response.status,
      ).toBe(429);
    } finally {
      await limited.close();
    }
  });

  it.each([
    ['/readyz', { method: 'GET' }],
    ['/healthz', { method: 'GET' }],
    ['/metrics', { method: 'GET' }],
    ['/export/candidates.csv?year=2026', { method: 'GET' }],
    [
      '/import/schools',
      {
        method: 'POST',
        headers: { 'content-type': 'text/csv', 'apollo-require-preflight': 'true' },
        body: 'x',
      },
    ],
  ] as const)('%s is limited too', async (path, init) => {
    const limited = await startTestServer({ RATE_LIMIT_PER_MINUTE: '2' });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 3; i += 1) {
        const response = await fetch(`${limited.url}${path}`, init);
        await response.arrayBuffer();
        statuses.push(response.status);
      }
      expect(statuses[2]).toBe(429);
      expect(statuses.slice(0, 2)).not.toContain(429);
    } finally {
      await limited.close();
    }
  });
});

describe('class 12: errors say what went wrong and reveal nothing', () => {
  it('no "Did you mean" suggestions when introspection is off', async () => {
    const production = await startTestServer({
      NODE_ENV: 'production',
      AUTH_DEV_MODE: '0',
      AUTH_JWT_SECRET: SECRET,
    });
    try {
      const token = await mintToken(SECRET, { role: 'MINISTRY' });
      const { text } = await post(
        production.url,
        query('{ regionz { totalCount } schools { nodez { code } } }'),
        {
          authorization: `Bearer ${token}`,
        },
      );
      const body = JSON.parse(text) as Body;
      expect(body.errors?.length).toBeGreaterThan(0);
      expect(text).not.toMatch(/Did you mean/);
      expect(text).not.toMatch(/"regions"|"nodes"/);
    } finally {
      await production.close();
    }
    // with introspection on (development), the suggestions help
    const { text } = await post(server.url, query('{ regionz { totalCount } }'));
    expect((JSON.parse(text) as Body).errors?.[0]?.message).toMatch(/Did you mean .*"regions"/);
  });

  it.each([
    [
      'a forged cursor (an id that is text)',
      '{ schools(first: 2, after: "WyJhIiwiYWJjIl0") { totalCount } }',
      'after',
    ],
    [
      'a forged cursor (an id past int4)',
      `{ schools(first: 2, after: "${Buffer.from(JSON.stringify(['a', 99999999999])).toString('base64url')}") { totalCount } }`,
      'after',
    ],
    [
      'a forged offset cursor',
      `{ vprStatistics(groupBy: [REGION], after: "${Buffer.from(JSON.stringify([-5])).toString('base64url')}") { totalCount } }`,
      'after',
    ],
    [
      'a NUL byte',
      '{ schools(first: 2, filter: { nameContains: "a\\u0000b" }) { totalCount } }',
      'filter.nameContains',
    ],
    ['an id past int4', '{ shnorList(id: "99999999999") { year } }', 'id'],
    [
      'an id that is not a number',
      '{ schools(first: 1, filter: { municipalityIds: ["1", "x1"] }) { totalCount } }',
      'filter.municipalityIds[1]',
    ],
  ])('%s is BAD_USER_INPUT naming the argument', async (_what, q, argument) => {
    const { response, text } = await post(server.url, query(q));
    const body = JSON.parse(text) as Body;
    expect(body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(body.errors?.[0]?.extensions?.argument).toBe(argument);
    expect(response.status).toBeLessThan(500);
  });

  it('70 000 school codes are BAD_USER_INPUT, from a variable too', async () => {
    const codes = Array.from({ length: 70_000 }, (_, i) => `s${i}`);
    const { text } = await post(
      server.url,
      query(
        'query($codes: [String!]) { schools(first: 1, filter: { schoolCodes: $codes }) { totalCount } }',
        { codes },
      ),
    );
    const body = JSON.parse(text) as Body;
    expect(body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(body.errors?.[0]?.extensions?.argument).toBe('filter.schoolCodes');
  });

  it.each([
    [
      'a body over 1 MB',
      'application/json',
      JSON.stringify({ query: '{ regions { totalCount } }', pad: 'x'.repeat(1_100_000) }),
      413,
      'REQUEST_TOO_LARGE',
    ],
    ['malformed JSON', 'application/json', '{"query": "{ regions { totalCount } }"', 400, 'BAD_REQUEST'],
    [
      'an unsupported charset',
      'application/json; charset=windows-1251',
      query('{ regions { totalCount } }'),
      415,
      'UNSUPPORTED_MEDIA_TYPE',
    ],
  ])('%s answers GraphQL JSON with a code, not an HTML page', async (_what, type, body, status, code) => {
    const { response, text } = await post(server.url, body, { 'content-type': type });
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toMatch(/application\/json/);
    expect((JSON.parse(text) as Body).errors?.[0]?.extensions?.code).toBe(code);
  });

  it('a database that went away is SERVICE_UNAVAILABLE with Retry-After, and the server recovers', async () => {
    const proxy = await startTcpProxy(testDatabaseUrl());
    const behind = await startTestServerOn(proxy.url, { AUTH_JWT_SECRET: SECRET });
    try {
      expect((await post(behind.url, query('{ regions { totalCount } }'))).response.status).toBe(200);
      await proxy.cut();
      const attempts: Record<string, string>[] = [{}, { authorization: 'ApiKey shnor_not-a-key' }];
      for (const headers of attempts) {
        const { response, text } = await post(behind.url, query('{ regions { totalCount } }'), headers);
        const body = JSON.parse(text) as Body;
        expect(body.errors?.[0]?.extensions?.code).toBe('SERVICE_UNAVAILABLE');
        expect(response.status).toBe(503);
        expect(response.headers.get('retry-after')).toMatch(/^\d+$/);
        expect(text).not.toMatch(/ECONNREFUSED|127\.0\.0\.1|Context creation failed|terminated/);
      }
      const readiness = await fetch(`${behind.url}/readyz`);
      expect(readiness.status).toBe(503);
      expect(((await readiness.json()) as { reason?: string }).reason).toBe('the database does not answer');
      await proxy.restore();
      let recovered = false;
      for (let i = 0; i < 30 && !recovered; i += 1) {
        recovered = (await post(behind.url, query('{ regions { totalCount } }'))).response.status === 200;
        if (!recovered) await new Promise((resolve) => setTimeout(resolve, 200));
      }
      expect(recovered).toBe(true);
    } finally {
      await proxy.restore().catch(() => undefined);
      await behind.close();
      await proxy.close();
    }
  });
});
