import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mintToken } from '../../api/auth/tokens.js';
import { type RunningServer } from '../../api/server.js';
import { slowestLightAnswerDuring } from '../support/attack.js';
import { startTestServer } from '../support/server.js';

/** Issue 9, classes 1, 3 and 13: queries whose work the limits must bound before anything runs. */
const SECRET = 'hardening-queries-secret-of-at-least-32-bytes';
let server: RunningServer;
let school: string;

beforeAll(async () => {
  server = await startTestServer({ AUTH_DEV_MODE: '0', PUBLIC_ACCESS: '1', AUTH_JWT_SECRET: SECRET });
  school = await mintToken(SECRET, { role: 'SCHOOL', school: 'sch560001', sub: 'attacker-school' });
});
afterAll(() => server.close());

interface Answer {
  status: number;
  body: { data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[] };
  ms: number;
}

async function ask(query: string, variables?: unknown, token?: string): Promise<Answer> {
  const started = performance.now();
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as Answer['body'];
  return { status: response.status, body, ms: performance.now() - started };
}

/** Each fragment spreads the previous one twice: 2ⁿ fields if expanded, n fragments if measured once. */
function fragmentChain(n: number, root = 'regions(first: 1) { nodes { ...F' + (n - 1) + ' } }'): string {
  let doc = `query { ${root} }\nfragment F0 on Region { name code }\n`;
  for (let i = 1; i < n; i += 1) doc += `fragment F${i} on Region { ...F${i - 1} ...F${i - 1} }\n`;
  return doc;
}

describe('class 1: fragment expansion cannot block the event loop', () => {
  it.each([
    ['a SCHOOL token', () => school],
    ['the public viewer (no token)', () => undefined],
  ])(
    'a chain of 29 doubling fragments from %s is refused at once, the server keeps answering',
    async (_who, token) => {
      const query = fragmentChain(29);
      expect(query.length).toBeLessThan(1_300);
      const { slowestMs, failures, result } = await slowestLightAnswerDuring(server.url, () =>
        Promise.all(Array.from({ length: 4 }, () => ask(query, undefined, token()))),
      );
      for (const answer of result) {
        expect(answer.body.errors?.[0]?.extensions?.code).toBe('QUERY_LIMIT_EXCEEDED');
        expect(answer.body.errors?.[0]?.extensions?.limit).toBe('cost');
        expect(answer.ms).toBeLessThan(1_000);
      }
      expect(failures).toBe(0);
      expect(slowestMs).toBeLessThan(200);
    },
  );

  it('a chain of 200 fragments (within the token limit) is measured as fast', async () => {
    const answer = await ask(fragmentChain(200).replace(/\n/g, ' '));
    expect(answer.body.errors?.[0]?.extensions?.code).toBe('QUERY_LIMIT_EXCEEDED');
    expect(answer.ms).toBeLessThan(1_000);
  });

  it('a modest fragment chain that fits the limits still answers, with its fields', async () => {
    const answer = await ask(fragmentChain(4), undefined, school);
    expect(answer.body.errors).toBeUndefined();
    expect(answer.body.data).toHaveProperty('regions.nodes');
  });
});

describe('class 3: the cost counts variables and lists without first', () => {
  const aliased = (n: number, body: string) =>
    `query($n: Int) { ${Array.from({ length: n }, (_, i) => `s${i}: ${body}`).join(' ')} }`;

  it('first: $n is costed at the value of $n, not the default page size', async () => {
    const query = aliased(
      15,
      'schools(first: $n) { nodes { code vprResults { grade subject n2 n3 n4 n5 } } }',
    );
    const { slowestMs, result } = await slowestLightAnswerDuring(server.url, () =>
      Promise.all(Array.from({ length: 3 }, () => ask(query, { n: 500 }, school))),
    );
    for (const answer of result) {
      expect(answer.status).toBe(400);
      expect(answer.body.errors?.[0]?.extensions?.code).toBe('QUERY_LIMIT_EXCEEDED');
      expect(answer.body.errors?.[0]?.extensions?.limit).toBe('cost');
    }
    expect(slowestMs).toBeLessThan(200);
    // the same operation with a small $n is fine: the estimate follows the value
    const small = await ask(aliased(2, 'schools(first: $n) { nodes { code } }'), { n: 5 }, school);
    expect(small.body.errors).toBeUndefined();
  });

  it('a variable default is costed too', async () => {
    const query = `query($n: Int = 500) { ${Array.from({ length: 15 }, (_, i) => `s${i}: schools(first: $n) { nodes { code vprResults { n2 } } }`).join(' ')} }`;
    const answer = await ask(query, {}, school);
    expect(answer.body.errors?.[0]?.extensions?.limit).toBe('cost');
  });

  it('lists without first (vprResults, indicators, municipalities) cost by their bound', async () => {
    const query = `{ ${Array.from({ length: 8 }, (_, i) => `s${i}: schools(first: 100) { nodes { vprResults { n2 n3 n4 n5 } indicators { code value } } }`).join(' ')} }`;
    const answer = await ask(query, undefined, school);
    expect(answer.body.errors?.[0]?.extensions?.limit).toBe('cost');
    // …and one year of them costs less than all years: a dashboard's query still runs
    const oneYear = await ask(
      '{ schools(first: 100) { nodes { code vprResults(year: 2026) { grade subject n2 } } } }',
      undefined,
      school,
    );
    expect(oneYear.body.errors).toBeUndefined();
  });

  it('an answer above MAX_RESPONSE_BYTES is refused with RESPONSE_TOO_LARGE, not sent', async () => {
    const small = await startTestServer({ MAX_RESPONSE_BYTES: '20000' });
    try {
      const response = await fetch(`${small.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ schools(first: 300) { nodes { code name typeName } } }' }),
      });
      const text = await response.text();
      expect(text.length).toBeLessThan(1_000);
      const body = JSON.parse(text) as Answer['body'];
      expect(body.errors?.[0]?.extensions?.code).toBe('RESPONSE_TOO_LARGE');
      expect(body.errors?.[0]?.extensions?.maxBytes).toBe(20000);
      const fits = await fetch(`${small.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ schools(first: 3) { nodes { code } } }' }),
      });
      expect(((await fits.json()) as Answer['body']).errors).toBeUndefined();
    } finally {
      await small.close();
    }
  });
});

describe('class 13: __typename and other __ fields count as aliases', () => {
  it('600 aliases of __typename are refused', async () => {
    const query = `{ ${Array.from({ length: 600 }, (_, i) => `t${i}: __typename`).join(' ')} }`;
    const answer = await ask(query, undefined, school);
    expect(answer.body.errors?.[0]?.extensions?.code).toBe('QUERY_LIMIT_EXCEEDED');
    expect(answer.body.errors?.[0]?.extensions?.limit).toBe('aliases');
    const few = await ask('{ a: __typename b: __typename }', undefined, school);
    expect(few.body.errors).toBeUndefined();
  });
});
