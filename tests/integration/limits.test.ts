import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mintToken } from '../../api/auth/tokens.js';
import { type RunningServer } from '../../api/server.js';
import { graphql } from '../support/graphql-client.js';
import { startTestServer } from '../support/server.js';

let server: RunningServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const NESTED =
  'regions { nodes { municipalities { region { municipalities { region { municipalities { region { name } } } } } } } }';
const SCHOOLS_500 =
  'schools(first: 500) { nodes { code name typeName students municipality { name region { name } } vprResults { grade subject participants n2 n3 n4 n5 share2 quality } } }';

async function stillServing() {
  const ok = await graphql(server.url, '{ regions(first: 1) { totalCount } }');
  expect(ok.errors).toBeUndefined();
}

describe('query limits: refused with QUERY_LIMIT_EXCEEDED before anything runs, and the server keeps serving', () => {
  it.each([
    ['too deep (9 > 8)', `{ ${NESTED} }`, 'depth'],
    [
      'too many aliases (16 > 15)',
      `{ ${Array.from({ length: 16 }, (_, i) => `a${i}: regions(first: 1) { totalCount }`).join(' ')} }`,
      'aliases',
    ],
    ['too many tokens (> 2 000)', `{ regions(first: 1) { ${'totalCount '.repeat(2100)} } }`, 'tokens'],
    [
      'too expensive (15 × 500 schools with results)',
      `{ ${Array.from({ length: 15 }, (_, i) => `s${i}: ${SCHOOLS_500}`).join(' ')} }`,
      'cost',
    ],
  ])('%s', async (_name, query, limit) => {
    const answer = await graphql(server.url, query);
    expect(answer.errors?.[0]?.extensions?.code).toBe('QUERY_LIMIT_EXCEEDED');
    expect(answer.errors?.[0]?.extensions?.limit).toBe(limit);
    expect(answer.data ?? null).toBeNull();
    await stillServing();
  });

  it('a depth of 8 and 15 aliases are still fine', async () => {
    // Each region's municipalities cost by their bound (api/limits/list-bounds.ts): with the cost
    // limit off, this measures depth and aliases alone.
    const open = await startTestServer({ MAX_QUERY_COST: '0' });
    try {
      const answer = await graphql(
        open.url,
        `{ ${Array.from({ length: 15 }, (_, i) => `a${i}: regions(first: 1) { nodes { municipalities { region { municipalities { region { municipalities { name } } } } } } }`).join(' ')} }`,
      );
      expect(answer.errors).toBeUndefined();
    } finally {
      await open.close();
    }
  });

  it('refuses an oversized body with 413', async () => {
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: '{ regions { totalCount } }',
        variables: { pad: 'x'.repeat(2_000_000) },
      }),
    });
    expect(response.status).toBe(413);
    await stillServing();
  });
});

describe('limits set to 0 are off', () => {
  it('a deep, aliased, expensive query runs when MAX_QUERY_DEPTH/ALIASES/COST/TOKENS are 0', async () => {
    const open = await startTestServer({
      MAX_QUERY_DEPTH: '0',
      MAX_QUERY_ALIASES: '0',
      MAX_QUERY_COST: '0',
      MAX_QUERY_TOKENS: '0',
    });
    try {
      const aliased = Array.from({ length: 16 }, (_, i) => `a${i}: regions(first: 1) { totalCount }`).join(
        ' ',
      );
      const answer = await graphql(open.url, `{ ${NESTED} ${aliased} }`);
      expect(answer.errors).toBeUndefined();
      expect(answer.data).toHaveProperty('a15');
    } finally {
      await open.close();
    }
  });
});

describe('rate limit per caller', () => {
  it('answers 429 RATE_LIMITED past the limit, for that caller only', async () => {
    const secret = 'rate-limit-test-secret-of-at-least-32-bytes';
    const limited = await startTestServer({ RATE_LIMIT_PER_MINUTE: '3', AUTH_JWT_SECRET: secret });
    try {
      const ask = (authorization?: string) =>
        fetch(`${limited.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
          body: JSON.stringify({ query: '{ regions(first: 1) { totalCount } }' }),
        });
      for (let i = 0; i < 3; i += 1) expect((await ask()).status).toBe(200);
      const refused = await ask();
      expect(refused.status).toBe(429);
      expect(refused.headers.get('retry-after')).toMatch(/^\d+$/);
      expect(
        ((await refused.json()) as { errors: { extensions: { code: string } }[] }).errors[0]?.extensions.code,
      ).toBe('RATE_LIMITED');
      // another caller (a verified token) is not affected; a bad token counts against the address
      const token = await mintToken(secret, { role: 'MINISTRY', sub: 'someone-else' });
      expect((await ask(`Bearer ${token}`)).status).toBe(200);
      expect((await ask('Bearer not-a-token')).status).toBe(429);
    } finally {
      await limited.close();
    }
  });
});

describe('production', () => {
  it('has no IDE and no introspection unless enabled', async () => {
    const secret = 'limits-test-secret-of-at-least-32-bytes';
    const production = await startTestServer({
      NODE_ENV: 'production',
      AUTH_DEV_MODE: '0',
      AUTH_JWT_SECRET: secret,
    });
    try {
      const page = await fetch(`${production.url}/graphql`, { headers: { accept: 'text/html' } });
      expect(page.headers.get('content-type') ?? '').not.toContain('text/html');
      const token = await mintToken(secret, { role: 'MINISTRY' });
      const response = await fetch(`${production.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: '{ __schema { types { name } } }' }),
      });
      const body = (await response.json()) as { errors?: { message: string }[] };
      expect(body.errors?.[0]?.message).toMatch(/introspection/i);
    } finally {
      await production.close();
    }
  });
});
