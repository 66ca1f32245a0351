import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromPgPool } from '../../db/queryable.js';
import { createApiKey, hashApiKey, revokeApiKey } from '../../api/auth/api-keys.js';
import { mintToken } from '../../api/auth/tokens.js';
import { type RunningServer } from '../../api/server.js';
import { startTestServer, testDatabaseUrl } from '../support/server.js';

const SECRET = 'auth-test-secret-of-at-least-32-bytes';
let server: RunningServer;
let db: pg.Pool;
let rsKey: CryptoKey;
let esKey: CryptoKey;

beforeAll(async () => {
  const rs = await generateKeyPair('RS256');
  const es = await generateKeyPair('ES256');
  rsKey = rs.privateKey;
  esKey = es.privateKey;
  const jwks = {
    keys: [
      { ...(await exportJWK(rs.publicKey)), kid: 'rs', alg: 'RS256' },
      { ...(await exportJWK(es.publicKey)), kid: 'es', alg: 'ES256' },
    ],
  };
  const jwksFile = join(tmpdir(), `shnor-jwks-${process.pid}.json`);
  await writeFile(jwksFile, JSON.stringify(jwks));
  server = await startTestServer({ AUTH_DEV_MODE: '0', AUTH_JWT_SECRET: SECRET, AUTH_JWKS_FILE: jwksFile });
  db = new pg.Pool({ connectionString: testDatabaseUrl(), max: 2 });
});
afterAll(async () => {
  await server.close();
  await db.end();
});

async function ask(query: string, token?: string) {
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query }),
  });
  const body = (await response.json()) as {
    data?: Record<string, unknown> | null;
    errors?: { extensions?: { code?: string } }[];
  };
  return { status: response.status, ...body };
}

const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('authentication', () => {
  it.each([
    ['no token', undefined],
    ['a token signed with another secret', 'other'],
    ['an expired token', 'expired'],
    ['alg: none', 'none'],
    ['an unknown role', 'role'],
  ])('refuses %s with 401 UNAUTHENTICATED', async (_name, kind) => {
    const token =
      kind === 'other'
        ? await mintToken('wrong-secret', { role: 'MINISTRY' })
        : kind === 'expired'
          ? await new SignJWT({ role: 'MINISTRY' })
              .setProtectedHeader({ alg: 'HS256' })
              .setExpirationTime(Math.floor(Date.now() / 1000) - 60)
              .sign(new TextEncoder().encode(SECRET))
          : kind === 'none'
            ? `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ role: 'MINISTRY' })}.`
            : kind === 'role'
              ? await mintToken(SECRET, { role: 'ADMIN' })
              : undefined;
    const answer = await ask('{ regions(first: 1) { totalCount } }', token);
    expect(answer.status).toBe(401);
    expect(answer.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('accepts HS256 with the secret and RS256/ES256 with keys from the JWKS file', async () => {
    const rs = await new SignJWT({ role: 'MINISTRY' })
      .setProtectedHeader({ alg: 'RS256', kid: 'rs' })
      .setExpirationTime('1h')
      .sign(rsKey);
    const es = await new SignJWT({ role: 'MINISTRY' })
      .setProtectedHeader({ alg: 'ES256', kid: 'es' })
      .setExpirationTime('1h')
      .sign(esKey);
    for (const token of [await mintToken(SECRET, { role: 'MINISTRY' }), rs, es]) {
      const answer = await ask('{ schools(first: 1) { totalCount } }', token);
      expect(answer.errors).toBeUndefined();
      expect((answer.data?.schools as { totalCount: number }).totalCount).toBe(1000);
    }
  });
});

describe('API keys of BI service accounts', () => {
  it('authenticate with the scope they were created with, are stored hashed, and stop working when revoked', async () => {
    const keys = fromPgPool(db);
    const key = await createApiKey(keys, 'dashboard-56', {
      role: 'BI_SERVICE',
      regions: ['56'],
      sub: 'api-key:dashboard-56',
    });
    const stored = await db.query(`select hash, claims from api_key where name = 'dashboard-56'`);
    expect(stored.rows[0].hash).toBe(hashApiKey(key));
    expect(JSON.stringify(stored.rows[0])).not.toContain(key);
    const inRegion = await db.query(
      `select count(*)::int as n from school s join municipality m on m.id = s.municipality_id join region g on g.id = m.region_id where g.code = '56'`,
    );
    const askWithKey = () =>
      fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `ApiKey ${key}` },
        body: JSON.stringify({ query: '{ schools(first: 1) { totalCount } }' }),
      });
    const answer = (await (await askWithKey()).json()) as { data: { schools: { totalCount: number } } };
    expect(answer.data.schools.totalCount).toBe(inRegion.rows[0].n);
    expect(await revokeApiKey(keys, 'dashboard-56')).toBe(true);
    expect((await askWithKey()).status).toBe(401);
  });
});

describe('mutations by role', () => {
  it('stores methodology versions for the ministry and regional analysts only (FORBIDDEN otherwise)', async () => {
    const create = (name: string) =>
      `mutation { createMethodologyVersion(name: "${name}", changes: {}) { name createdBy } }`;
    const school = await ask(
      create('by-school'),
      await mintToken(SECRET, { role: 'SCHOOL', school: 'sch230001' }),
    );
    expect(school.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const analyst = await ask(
      create('by-analyst'),
      await mintToken(SECRET, { role: 'REGION_ANALYST', region: '56', sub: 'analyst-56' }),
    );
    expect(analyst.errors).toBeUndefined();
    expect(analyst.data?.createMethodologyVersion).toEqual({ name: 'by-analyst', createdBy: 'analyst-56' });
  });

  it('records every mutation in the audit log, which only the ministry may read', async () => {
    const log = await ask(
      `{ auditLog(first: 10, action: "createMethodologyVersion") { totalCount nodes { at actor role action target scope } } }`,
      await mintToken(SECRET, { role: 'MINISTRY' }),
    );
    expect(log.errors).toBeUndefined();
    const nodes = (
      log.data?.auditLog as { nodes: { actor: string; role: string; target: string; scope: unknown }[] }
    ).nodes;
    const entry = nodes.find((n) => n.target === 'by-analyst');
    expect(entry).toMatchObject({ actor: 'analyst-56', role: 'REGION_ANALYST', scope: { kind: 'REGIONS' } });
    expect(Date.now() - Date.parse((entry as unknown as { at: string }).at)).toBeLessThan(600_000);
    // the refused mutation left no trace
    expect(nodes.some((n) => n.target === 'by-school')).toBe(false);
    const refused = await ask(
      `{ auditLog { totalCount } }`,
      await mintToken(SECRET, { role: 'REGION_ANALYST', region: '56' }),
    );
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('lists the audit log newest first, past ten entries too (ids are compared as numbers)', async () => {
    const token = await mintToken(SECRET, { role: 'MINISTRY', sub: 'ordering' });
    for (let i = 0; i < 11; i += 1) {
      const created = await ask(
        `mutation { createMethodologyVersion(name: "order-${i}", changes: {}) { name } }`,
        token,
      );
      expect(created.errors).toBeUndefined();
    }
    const log = await ask(`{ auditLog(first: 50) { nodes { id target } } }`, token);
    const ids = (log.data?.auditLog as { nodes: { id: string; target: string }[] }).nodes.map((n) =>
      Number(n.id),
    );
    expect(ids.length).toBeGreaterThanOrEqual(11);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
  });
});

describe('scope by role', () => {
  it('a region analyst sees only the schools, statistics and analytics of its region', async () => {
    const token = await mintToken(SECRET, { role: 'REGION_ANALYST', region: '56' });
    const inRegion = await db.query(
      `select count(*)::int as n from school s join municipality m on m.id = s.municipality_id join region g on g.id = m.region_id where g.code = '56'`,
    );
    const outside = await db.query(
      `select s.code from school s join municipality m on m.id = s.municipality_id join region g on g.id = m.region_id where g.code = '23' limit 1`,
    );
    const answer = await ask(
      `{ schools(first: 1) { totalCount } school(code: "${outside.rows[0].code}") { code }
      vprStatistics(groupBy: [REGION]) { nodes { region { code } } }
      shnorSummary(year: 2026) { rows { region { code } schools } } }`,
      token,
    );
    expect(answer.errors).toBeUndefined();
    const data = answer.data as {
      schools: { totalCount: number };
      school: null;
      vprStatistics: { nodes: { region: { code: string } }[] };
      shnorSummary: { rows: { region: { code: string }; schools: number }[] };
    };
    expect(data.schools.totalCount).toBe(inRegion.rows[0].n);
    expect(data.school).toBeNull();
    expect(data.vprStatistics.nodes.map((n) => n.region.code)).toEqual(['56']);
    expect(data.shnorSummary.rows.map((r) => r.region.code)).toEqual(['56']);
  });

  it('a municipal analyst and a school see their own slice only', async () => {
    const m = await db.query(
      `select municipality_id as id, count(*)::int as n from school group by municipality_id order by municipality_id limit 1`,
    );
    const municipal = await ask(
      `{ schools(first: 1) { totalCount } }`,
      await mintToken(SECRET, { role: 'MUNICIPAL_ANALYST', municipality: m.rows[0].id }),
    );
    expect((municipal.data?.schools as { totalCount: number }).totalCount).toBe(m.rows[0].n);
    const [own, other] = (await db.query(`select code from school order by code limit 2`)).rows.map(
      (r) => r.code as string,
    );
    const token = await mintToken(SECRET, { role: 'SCHOOL', school: own });
    const school = await ask(
      `{ schools(first: 5) { totalCount nodes { code } } a: school(code: "${own}") { code } b: school(code: "${other}") { code } }`,
      token,
    );
    expect(school.data).toEqual({
      schools: { totalCount: 1, nodes: [{ code: own }] },
      a: { code: own },
      b: null,
    });
  });

  it('a token whose place does not exist sees nothing (default deny)', async () => {
    const answer = await ask(
      `{ schools(first: 1) { totalCount } }`,
      await mintToken(SECRET, { role: 'REGION_ANALYST', region: '99' }),
    );
    expect((answer.data?.schools as { totalCount: number }).totalCount).toBe(0);
  });
});
