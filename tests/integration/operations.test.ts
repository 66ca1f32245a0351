import { gunzipSync } from 'node:zlib';
import { request } from 'node:http';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnServer, type ServerProcess } from '../support/server-process.js';
import { testDatabaseUrl } from '../support/server.js';

/**
 * Issue 14 item 6: the running server as an operator sees it — the JSON log with a request id on
 * every line, GET /metrics, compression, CORS. The real process (`api/main.ts`), its real stdout.
 */
const METRICS_TOKEN = 'metrics-token-for-the-test';
const BI_ORIGIN = 'https://bi.example.ru';
let server: ServerProcess;
let url: string;
let db: pg.Pool;

beforeAll(async () => {
  server = spawnServer(
    {
      DATABASE_URL: testDatabaseUrl(),
      METRICS_TOKEN,
      CORS_ORIGINS: BI_ORIGIN,
      RATE_LIMIT_PER_MINUTE: '100000',
    },
    ['--dev-auth'],
  );
  url = await server.ready;
  db = new pg.Pool({ connectionString: testDatabaseUrl(), max: 1 });
});
afterAll(async () => {
  server.child.kill('SIGTERM');
  await server.exited;
  await db.end();
});

interface LogLine {
  level: string;
  time: string;
  msg: string;
  requestId?: string;
  route?: string;
  status?: number;
  ms?: number;
  operation?: string;
  errors?: string[];
}

/** Every line the server wrote, parsed: a line that is not JSON fails the test. */
const logLines = (): LogLine[] =>
  server
    .output()
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as LogLine);

/** Waits for the request's line: it is written when the answer has gone. */
async function lineOf(requestId: string): Promise<LogLine> {
  for (let i = 0; i < 50; i += 1) {
    const line = logLines().find((l) => l.requestId === requestId && l.msg === 'request');
    if (line) return line;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`no log line of request ${requestId}`);
}

const graphql = (query: string, headers: Record<string, string> = {}) =>
  fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query }),
  });

async function metricsText(): Promise<string> {
  const response = await fetch(`${url}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
  return response.text();
}

/** The value of one sample of the Prometheus text, e.g. `shnor_errors_total{code="BAD_USER_INPUT"}`. */
function sample(text: string, series: string): number {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line ? Number(line.slice(series.length + 1)) : 0;
}

/** A raw request with exactly the headers given (fetch would add accept-encoding of its own). */
function raw(method: string, path: string, body: string, headers: Record<string, string>) {
  const { hostname, port } = new URL(url);
  return new Promise<{ headers: Record<string, string | string[] | undefined>; body: Buffer }>(
    (resolve, reject) => {
      const req = request({ hostname, port, path, method, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
      });
      req.on('error', reject);
      req.end(body);
    },
  );
}

describe('the log', () => {
  it('writes one JSON line per request with its id, route, status, time and operation', async () => {
    const response = await graphql('query SchoolCount { schools(first: 1) { totalCount } }', {
      'x-request-id': 'bi-job-42',
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('x-request-id')).toBe('bi-job-42');
    const line = await lineOf('bi-job-42');
    expect(line).toMatchObject({ level: 'info', route: '/graphql', status: 200, operation: 'SchoolCount' });
    expect(line.ms).toBeGreaterThan(0);
    expect(Number.isNaN(Date.parse(line.time))).toBe(false);
  });

  it('gives a request without a usable id a new one, and reports the codes of its errors', async () => {
    for (const given of [undefined, '<script>', 'x'.repeat(129)]) {
      const response = await graphql(
        '{ schools(first: -1) { totalCount } }',
        given ? { 'x-request-id': given } : {},
      );
      const id = response.headers.get('x-request-id') ?? '';
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
      expect((await lineOf(id)).errors).toEqual(['BAD_USER_INPUT']);
    }
  });

  it('has nothing but JSON lines, the start-up line included, and never a credential', async () => {
    await graphql('{ regions { totalCount } }', {
      authorization: 'Bearer not-a-token',
      'x-request-id': 'bad-token',
    });
    const lines = logLines();
    expect(lines.some((l) => l.msg.includes('GraphQL and the IDE at'))).toBe(true);
    expect((await lineOf('bad-token')).status).toBe(401);
    expect(server.output()).not.toContain('not-a-token');
  });
});

describe('GET /metrics', () => {
  it('needs METRICS_TOKEN when it is set', async () => {
    expect((await fetch(`${url}/metrics`)).status).toBe(401);
    const wrong = await fetch(`${url}/metrics`, {
      headers: { authorization: 'Bearer metrics-token-for-the-tesT' },
    });
    expect(wrong.status).toBe(401);
  });

  it('counts requests, errors and time per operation, and shows the pool, the cache and the event loop', async () => {
    const before = await metricsText();
    const series = 'shnor_http_requests_total{route="/graphql",status="2xx"}';
    const errors = 'shnor_errors_total{code="BAD_USER_INPUT"}';
    const timed = 'shnor_graphql_operation_duration_seconds_count{operation="Counted"}';
    for (let i = 0; i < 3; i += 1) await graphql('query Counted { regions { totalCount } }');
    await graphql('{ schools(first: -1) { totalCount } }');
    const after = await metricsText();
    expect(sample(after, series) - sample(before, series)).toBe(4);
    expect(sample(after, errors) - sample(before, errors)).toBe(1);
    expect(sample(after, timed) - sample(before, timed)).toBe(3);
    expect(sample(after, 'shnor_db_pool_connections{state="size"}')).toBe(20);
    // `regions { totalCount }` is one statement: each of the 3 + 1 requests waited for one connection
    const waits = 'shnor_db_connection_wait_seconds_count';
    expect(sample(after, waits) - sample(before, waits)).toBeGreaterThanOrEqual(3);
    expect(after).toMatch(/^shnor_analytics_cache_lookups\{result="miss"\} \d+$/m);
    expect(after).toMatch(/^nodejs_eventloop_lag_seconds \d/m);
  });

  it('keeps at most 200 operation names however many a client invents, and keeps answering', async () => {
    const names = Array.from({ length: 260 }, (_, i) => `Invented${i}`);
    for (let i = 0; i < names.length; i += 20) {
      await Promise.all(names.slice(i, i + 20).map((n) => graphql(`query ${n} { regions { totalCount } }`)));
    }
    const started = performance.now();
    expect((await graphql('{ regions { totalCount } }')).status).toBe(200);
    expect(performance.now() - started).toBeLessThan(200);
    const text = await metricsText();
    const labels = new Set(
      [...text.matchAll(/^shnor_graphql_operation_duration_seconds_count\{operation="([^"]+)"\}/gm)].map(
        (m) => m[1],
      ),
    );
    expect(labels.size).toBeLessThanOrEqual(202); // 200 names, `other`, `anonymous`
    expect(labels.has('other')).toBe(true);
  });
});

describe('import rows in /metrics', () => {
  it('counts the rows of a refused file as refused, and nothing is written', async () => {
    const refused = 'shnor_import_rows_total{kind="vpr",outcome="refused"}';
    const before = sample(await metricsText(), refused);
    const header = 'Год;Логин;Класс;Предмет;Кол-во участников;2;3;4;5';
    const count = async () =>
      Number((await db.query<{ n: string }>('select count(*) as n from vpr_result')).rows[0]?.n);
    const rows = await count();
    const response = await fetch(`${url}/import/vpr?filename=bad.csv`, {
      method: 'POST',
      body: `${header}\n2027;nope;5;XX;20;2;8;7;3\n2027;nope;3;RU;20;2;8;7;3\n2027;nope;4;RU;20;2;8;7;3\n`,
      headers: { 'content-type': 'text/csv' },
    });
    expect(response.status).toBe(422);
    expect(sample(await metricsText(), refused) - before).toBe(3);
    expect(await count()).toBe(rows);
  });
});

describe('compression and CORS', () => {
  const big = JSON.stringify({ query: '{ schools(first: 50) { nodes { code name } } }' });
  const json = { 'content-type': 'application/json' };

  it('compresses an answer above 1 KB for a client that accepts gzip, and only then', async () => {
    const zipped = await raw('POST', '/graphql', big, { ...json, 'accept-encoding': 'gzip' });
    expect(zipped.headers['content-encoding']).toBe('gzip');
    const plain = await raw('POST', '/graphql', big, json);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(gunzipSync(zipped.body).toString()).toBe(plain.body.toString());
    const [{ n }] = (await db.query<{ n: string }>('select count(*) as n from school')).rows as [
      { n: string },
    ];
    const parsed = JSON.parse(plain.body.toString()) as { data: { schools: { nodes: unknown[] } } };
    expect(parsed.data.schools.nodes).toHaveLength(Math.min(50, Number(n)));
    const small = await raw('POST', '/graphql', JSON.stringify({ query: '{ regions { totalCount } }' }), {
      ...json,
      'accept-encoding': 'gzip',
    });
    expect(small.headers['content-encoding']).toBeUndefined();
  });

  it('streams a CSV export gzipped, the same bytes as without, and leaks no listener', async () => {
    const path = '/export/candidates.csv?year=2026';
    const zipped = await raw('GET', path, '', { 'accept-encoding': 'gzip' });
    const plain = await raw('GET', path, '', {});
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.length).toBeGreaterThan(1024);
    expect(gunzipSync(zipped.body).equals(plain.body)).toBe(true);
    expect(server.output()).not.toContain('MaxListenersExceededWarning');
  });

  it('lets a listed origin preflight, and no other', async () => {
    const preflight = (origin: string) =>
      fetch(`${url}/graphql`, {
        method: 'OPTIONS',
        headers: {
          origin,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'authorization,content-type',
        },
      });
    const listed = await preflight(BI_ORIGIN);
    expect(listed.headers.get('access-control-allow-origin')).toBe(BI_ORIGIN);
    expect(listed.headers.get('access-control-allow-headers')).toContain('authorization');
    const other = await preflight('https://evil.example');
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });
});
