import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mintToken } from '../../api/auth/tokens.js';
import { ImportsDocument } from '../../api/operations/generated/graphql.js';
import { type RunningServer } from '../../api/server.js';
import { createFreshDatabase, type FreshDatabase } from '../support/fresh-database.js';
import { startTestServerOn } from '../support/server.js';
import { print } from 'graphql';

/** POST /import/:kind over real HTTP: authentication and roles, the report, and the `imports` query. */

const SECRET = 'import-test-secret-of-at-least-32-bytes';
const HEADER = 'Год;Логин;Класс;Предмет;Кол-во участников;2;3;4;5';
let fresh: FreshDatabase;
let server: RunningServer;
let db: pg.Pool;
let ministry: string;
let analyst56: string;

beforeAll(async () => {
  fresh = await createFreshDatabase({ seed: 'demo' });
  server = await startTestServerOn(fresh.url, { AUTH_DEV_MODE: '0', AUTH_JWT_SECRET: SECRET });
  db = new pg.Pool({ connectionString: fresh.url, max: 2 });
  ministry = await mintToken(SECRET, { role: 'MINISTRY', sub: 'minister' });
  analyst56 = await mintToken(SECRET, { role: 'REGION_ANALYST', region: '56', sub: 'analyst-56' });
});
afterAll(async () => {
  await server.close();
  await db.end();
  await fresh.drop();
});

function multipart(kind: string, csv: string, token?: string) {
  const form = new FormData();
  form.append('file', new Blob([csv], { type: 'text/csv' }), `${kind}-2027.csv`);
  // A multipart upload is a "simple" request: it must say it was preflighted (api/limits/csrf.ts).
  return fetch(`${server.url}/import/${kind}`, {
    method: 'POST',
    body: form,
    headers: {
      'apollo-require-preflight': 'true',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
  });
}

async function importsQuery(token: string) {
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: print(ImportsDocument), variables: { first: 10 } }),
  });
  return (await response.json()) as {
    data?: { imports: { totalCount: number; nodes: { fileName: string; actor: string; status: string }[] } };
    errors?: { extensions?: { code?: string } }[];
  };
}

describe('POST /import/:kind', () => {
  it('accepts a multipart upload (200 + report), and `imports` shows it', async () => {
    const response = await multipart('vpr', `${HEADER}\n2027;sch230001;5;RU;20;2;8;7;3\n`, ministry);
    expect(response.status).toBe(200);
    const report = (await response.json()) as Record<string, unknown>;
    expect(report).toMatchObject({ status: 'ACCEPTED', inserted: 1, fileName: 'vpr-2027.csv' });
    expect(report.checksum).toMatch(/^[0-9a-f]{64}$/);
    const listed = await importsQuery(ministry);
    expect(listed.errors).toBeUndefined();
    expect(listed.data?.imports.nodes[0]).toMatchObject({
      fileName: 'vpr-2027.csv',
      actor: 'minister',
      status: 'ACCEPTED',
    });
    const { rows } = await db.query(`select action, actor from audit_log where action = 'import'`);
    expect(rows).toEqual([{ action: 'import', actor: 'minister' }]);
  });

  it('accepts a raw text/csv body with ?filename=', async () => {
    const response = await fetch(`${server.url}/import/vpr?filename=raw.csv`, {
      method: 'POST',
      body: `${HEADER}\n2027;sch230001;6;MA;10;1;4;4;1\n`,
      headers: { 'content-type': 'text/csv', authorization: `Bearer ${ministry}` },
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ fileName: 'raw.csv', inserted: 1 });
  });

  it('refuses a file with bad rows: 422 with every bad row', async () => {
    const response = await multipart(
      'vpr',
      `${HEADER}\n2027;sch230001;5;XX;20;2;8;7;3\n2027;sch230001;3;RU;20;2;8;7;3\n`,
      ministry,
    );
    expect(response.status).toBe(422);
    const report = (await response.json()) as { status: string; errors: { line: number; column: string }[] };
    expect(report.status).toBe('REJECTED');
    expect(report.errors.map((e) => [e.line, e.column])).toEqual([
      [2, 'Предмет'],
      [3, 'Класс'],
    ]);
  });

  it('answers 400 for an unknown kind, 401 without a token, 403 for other roles', async () => {
    expect((await multipart('marks', HEADER, ministry)).status).toBe(400);
    const anonymous = await multipart('vpr', HEADER);
    expect(anonymous.status).toBe(401);
    const school = await mintToken(SECRET, { role: 'SCHOOL', school: 'sch230001' });
    const forbidden = await multipart('vpr', HEADER, school);
    expect(forbidden.status).toBe(403);
    expect(await forbidden.json()).toEqual({
      errors: [{ message: expect.any(String), extensions: { code: 'FORBIDDEN', action: 'imports.run' } }],
    });
  });

  it('a region analyst imports its own schools; a school of another region is a bad row', async () => {
    const own = await multipart('vpr', `${HEADER}\n2027;sch560001;5;RU;20;2;8;7;3\n`, analyst56);
    expect(own.status).toBe(200);
    const other = await multipart(
      'vpr',
      `${HEADER}\n2027;sch560001;6;RU;20;2;8;7;3\n2027;sch230001;7;RU;20;2;8;7;3\n`,
      analyst56,
    );
    expect(other.status).toBe(422);
    const report = (await other.json()) as {
      errors: { line: number; column: string; reason: { en: string } }[];
    };
    expect(report.errors).toHaveLength(1);
    expect(report.errors[0]).toMatchObject({ line: 3, column: 'Логин' });
    expect(report.errors[0]?.reason.en).toContain('outside your region');
    // Its own imports only, accepted and refused; the ministry sees everyone's.
    const mine = await importsQuery(analyst56);
    expect(mine.data?.imports.nodes.map((n) => n.status)).toEqual(['REJECTED', 'ACCEPTED']);
    expect((await importsQuery(ministry)).data?.imports.totalCount).toBe(5);
  });
});
