import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mintToken } from '../../api/auth/tokens.js';
import { type RunningServer } from '../../api/server.js';
import { createFreshDatabase, type FreshDatabase } from '../support/fresh-database.js';
import { startTestServerOn } from '../support/server.js';

/**
 * `POST /import/roadmap` (issue 12: the roadmap import «text or upload») over real HTTP on a
 * database of its own: the real seed file 001 uploaded as a file, in UTF-8 and in Windows-1251,
 * gives the 23 activities SUPPORT-V1 §3 states and a roadmap the `roadmap` query reads; a refusal
 * is the mutation's GraphQL error with its HTTP status and writes nothing; the upload route's size
 * limit and CSRF rule hold. Expected figures are the contract's (§3 «Seed 001») or SQL's.
 */
const SECRET = 'roadmap-upload-secret-of-at-least-32-bytes';
const SEED_001 = join(import.meta.dirname, '../fixtures/roadmap/001_895a1ffee6e9f536.txt');
const TEXT = readFileSync(SEED_001, 'utf8');

let fresh: FreshDatabase;
let server: RunningServer;
let db: pg.Pool;
let home: { id: number; name: string };
const tokens: Record<string, string> = {};

beforeAll(async () => {
  fresh = await createFreshDatabase({ seed: 'demo' });
  server = await startTestServerOn(fresh.url, { AUTH_DEV_MODE: '0', AUTH_JWT_SECRET: SECRET });
  db = new pg.Pool({ connectionString: fresh.url, max: 2 });
  const { rows } = await db.query<{ id: number; name: string }>(
    `select m.id, m.name from municipality m join region g on g.id = m.region_id
     where g.code = '56' and exists (select 1 from school s where s.municipality_id = m.id)
     order by m.id limit 1`,
  );
  home = rows[0]!;
  const schoolCode = (
    await db.query<{ code: string }>(
      `select code from school where municipality_id = $1 order by code limit 1`,
      [home.id],
    )
  ).rows[0]!.code;
  tokens.home = await mintToken(SECRET, { role: 'MUNICIPAL_ANALYST', municipality: home.id, sub: 'home' });
  tokens.school = await mintToken(SECRET, { role: 'SCHOOL', school: schoolCode, sub: 'school' });
});
afterAll(async () => {
  await server?.close();
  await db?.end();
  await fresh?.drop();
});

/** Text as Windows-1251 bytes, by the inverse of the platform's own decoder; unmappable: throws. */
function windows1251(text: string): Buffer {
  const decoder = new TextDecoder('windows-1251');
  const byteOf = new Map<string, number>();
  for (let b = 0; b < 256; b += 1) byteOf.set(decoder.decode(Uint8Array.of(b)), b);
  return Buffer.from(
    [...text].map((c) => {
      const b = byteOf.get(c);
      if (b === undefined) throw new Error(`«${c}» has no Windows-1251 byte`);
      return b;
    }),
  );
}

interface Refusal {
  errors: { message: string; extensions: Record<string, unknown> }[];
}

const query = (params: Record<string, string>) => new URLSearchParams(params).toString();

const homeParams = (extra: Record<string, string> = {}) => ({
  level: 'MUNICIPALITY',
  region: '56',
  municipality: String(home.id),
  listYear: '2020',
  order: '01-10/142-2:2020-09-10',
  ...extra,
});

/** A multipart upload as a browser's form sends it, saying it was preflighted (api/limits/csrf.ts). */
async function upload(token: string, params: Record<string, string>, bytes: Buffer | string) {
  const form = new FormData();
  form.append(
    'file',
    new Blob([typeof bytes === 'string' ? bytes : new Uint8Array(bytes)], { type: 'text/plain' }),
    'roadmap.txt',
  );
  const response = await fetch(`${server.url}/import/roadmap?${query(params)}`, {
    method: 'POST',
    body: form,
    headers: { 'apollo-require-preflight': 'true', authorization: `Bearer ${token}` },
  });
  return { status: response.status, body: (await response.json()) as Record<string, any> }; // eslint-disable-line @typescript-eslint/no-explicit-any
}

async function counts() {
  const { rows } = await db.query(
    `select (select count(*)::int from roadmap) as roadmaps, (select count(*)::int from activity) as activities,
       (select count(*)::int from support_order) as orders, (select count(*)::int from audit_log) as audit`,
  );
  return rows[0] as Record<string, number>;
}

const ACTIVITIES = `query ($id: ID!) {
  roadmap(id: $id) {
    id listYear periodStart periodEnd order { number date } municipality { id }
    activities { ordinal number title deadlineText deadlineKind start due executorsText executors expectedResult requiresSchoolReport }
  }
}`;

async function roadmapOf(token: string, id: string) {
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: ACTIVITIES, variables: { id } }),
  });
  const body = (await response.json()) as {
    data?: { roadmap: { activities: Record<string, unknown>[]; [field: string]: unknown } | null };
    errors?: unknown[];
  };
  expect(body.errors).toBeUndefined();
  return body.data!.roadmap!;
}

const NUMBERS = [...Array.from({ length: 22 }, (_, i) => `${i + 1}.`), '23'];

describe('POST /import/roadmap: the seed file 001 uploaded', () => {
  let utf8Id = '';

  it('as UTF-8 by its municipal analyst: 23 activities, the period derived, readable by `roadmap`', async () => {
    const before = await counts();
    const { status, body } = await upload(tokens.home!, homeParams(), readFileSync(SEED_001));
    expect(status, JSON.stringify(body)).toBe(200);
    expect(body).toMatchObject({ activityCount: 23, periodDerived: true, replaced: false, warnings: [] });
    expect(body.roadmap).toMatchObject({
      level: 'MUNICIPALITY',
      municipalityId: home.id,
      listYear: 2020,
      periodStart: '2020-09-01',
      periodEnd: '2021-12-31',
      orderNumber: '01-10/142-2',
      orderDate: '2020-09-10',
    });
    utf8Id = String(body.roadmap.id);
    const { rows } = await db.query<{ n: number }>(
      `select count(*)::int as n from activity where roadmap_id = $1`,
      [utf8Id],
    );
    expect(rows[0]!.n).toBe(23);
    expect(await counts()).toMatchObject({
      roadmaps: before.roadmaps! + 1,
      activities: before.activities! + 23,
      orders: before.orders! + 1,
    });

    const roadmap = await roadmapOf(tokens.home!, utf8Id);
    expect(roadmap).toMatchObject({
      id: utf8Id,
      listYear: 2020,
      periodStart: '2020-09-01',
      periodEnd: '2021-12-31',
      order: { number: '01-10/142-2', date: '2020-09-10' },
      municipality: { id: String(home.id) },
    });
    expect(roadmap.activities.map((a) => a.number)).toEqual(NUMBERS);
    // §3 «Seed 001»: thirteen activities need school reports
    expect(roadmap.activities.filter((a) => a.requiresSchoolReport).map((a) => a.ordinal)).toEqual([
      3, 11, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23,
    ]);
    const { rows: audit } = await db.query(
      `select action, target from audit_log where action = 'importRoadmap' and target = $1`,
      [`roadmap:${utf8Id}`],
    );
    expect(audit).toHaveLength(1);
  });

  it('as Windows-1251: the same roadmap, activity for activity', async () => {
    const bytes = windows1251(TEXT);
    expect(bytes.length).toBeLessThan(Buffer.byteLength(TEXT)); // one byte a letter: not UTF-8
    const { status, body } = await upload(tokens.home!, homeParams({ listYear: '2021' }), bytes);
    expect(status, JSON.stringify(body)).toBe(200);
    expect(body).toMatchObject({ activityCount: 23, periodDerived: true, warnings: [] });
    expect(body.roadmap).toMatchObject({
      listYear: 2021,
      periodStart: '2020-09-01',
      periodEnd: '2021-12-31',
    });
    const utf8 = await roadmapOf(tokens.home!, utf8Id);
    const cp1251 = await roadmapOf(tokens.home!, String(body.roadmap.id));
    expect(cp1251.activities).toEqual(utf8.activities);
    // the source text as stored is the same text
    const { rows } = await db.query<{ same: boolean }>(
      `select a.source_text = b.source_text as same from roadmap a, roadmap b where a.id = $1 and b.id = $2`,
      [utf8Id, body.roadmap.id],
    );
    expect(rows[0]!.same).toBe(true);
  });

  it('`list-year` as the CLI spells it, and the period and order given: the same roadmap replaced', async () => {
    const { listYear: _year, ...params } = homeParams();
    const { status, body } = await upload(
      tokens.home!,
      { ...params, 'list-year': '2020', period: '2020-09-01..2021-12-31' },
      TEXT,
    );
    expect(status, JSON.stringify(body)).toBe(200);
    expect(body).toMatchObject({ activityCount: 23, periodDerived: false, replaced: true });
    expect(String(body.roadmap.id)).toBe(utf8Id);
  });
});

describe('POST /import/roadmap refuses, writing nothing', () => {
  it('a file without a header: 400 BAD_USER_INPUT NO_HEADER on «file»', async () => {
    const before = await counts();
    const text = TEXT.split('\n').slice(0, 59).join('\n');
    const { status, body } = await upload(tokens.home!, homeParams({ listYear: '2022' }), text);
    expect(status).toBe(400);
    expect((body as Refusal).errors).toHaveLength(1);
    expect((body as Refusal).errors[0]!.extensions).toEqual({
      code: 'BAD_USER_INPUT',
      argument: 'file',
      reason: 'NO_HEADER',
    });
    expect(await counts()).toEqual(before);
  });

  it('a table without explicit deadlines and no period: 400 PERIOD_REQUIRED on «period»', async () => {
    const before = await counts();
    const text = [
      '№\tМероприятие\tСрок\tОтветственный',
      '1.\tСовещание\tв течение года\tОтдел образования',
    ].join('\n');
    const { status, body } = await upload(tokens.home!, homeParams({ listYear: '2022' }), text);
    expect(status).toBe(400);
    expect((body as Refusal).errors[0]!.extensions).toEqual({
      code: 'BAD_USER_INPUT',
      argument: 'period',
      reason: 'PERIOD_REQUIRED',
    });
    expect(await counts()).toEqual(before);
  });

  it('a bad option: 400 naming its query parameter', async () => {
    const before = await counts();
    const cases: [Record<string, string>, string][] = [
      [homeParams({ level: 'COUNTRY' }), 'level'],
      [homeParams({ listYear: 'soon' }), 'listYear'],
      [homeParams({ period: '2020-09-01' }), 'period'],
      [homeParams({ order: '01-10/142-2' }), 'order'],
      [homeParams({ order: '01-10/142-2:10.09.2020' }), 'order'],
      [homeParams({ municipality: 'Нигде' }), 'municipality'],
      [homeParams({ format: 'txt' }), 'format'],
    ];
    for (const [params, argument] of cases) {
      const { status, body } = await upload(tokens.home!, params, TEXT);
      expect({ argument, status, extensions: (body as Refusal).errors[0]?.extensions }).toMatchObject({
        argument,
        status: 400,
        extensions: { code: 'BAD_USER_INPUT', argument },
      });
    }
    expect(await counts()).toEqual(before);
  });

  it('a school token: 403 FORBIDDEN naming support.plan', async () => {
    const before = await counts();
    const { status, body } = await upload(tokens.school!, homeParams({ listYear: '2022' }), TEXT);
    expect(status).toBe(403);
    expect((body as Refusal).errors[0]!.extensions).toMatchObject({
      code: 'FORBIDDEN',
      action: 'support.plan',
    });
    expect(await counts()).toEqual(before);
  });

  it('a re-import over a status record: 409 CONFLICT', async () => {
    const first = await upload(tokens.home!, homeParams({ listYear: '2023' }), TEXT);
    expect(first.status).toBe(200);
    await db.query(
      `insert into activity_status_record (activity_id, date, status)
       select id, date '2020-09-20', 'DONE' from activity where roadmap_id = $1 and ordinal = 1`,
      [first.body.roadmap.id],
    );
    const before = await counts();
    const { status, body } = await upload(tokens.home!, homeParams({ listYear: '2023' }), TEXT);
    expect(status).toBe(409);
    expect((body as Refusal).errors[0]!.extensions).toMatchObject({
      code: 'CONFLICT',
      records: 1,
      reports: 0,
    });
    expect(await counts()).toEqual(before);
  });

  it('not text (a PDF): 400 UNREADABLE_FILE', async () => {
    const before = await counts();
    const { status, body } = await upload(tokens.home!, homeParams({ listYear: '2022' }), '%PDF-1.4\n…');
    expect(status).toBe(400);
    expect((body as Refusal).errors[0]!.extensions).toEqual({ code: 'UNREADABLE_FILE', argument: 'file' });
    expect(await counts()).toEqual(before);
  });

  /** More bytes than any roadmap of 300 000 characters (4 bytes each at most): 1.3 MB. */
  const huge = () => TEXT + 'а'.repeat(650_000);

  it('over the size limit, by its Content-Length: 413 FILE_TOO_LARGE, not read', async () => {
    const before = await counts();
    const { status, body } = await upload(tokens.home!, homeParams({ listYear: '2022' }), huge());
    expect(status).toBe(413);
    expect((body as Refusal).errors[0]!.extensions).toEqual({ code: 'FILE_TOO_LARGE', argument: 'file' });
    expect(await counts()).toEqual(before);
  });

  it('over the size limit, counted as it arrives (no Content-Length): 413, the rest not read', async () => {
    const before = await counts();
    const chunk = new TextEncoder().encode(TEXT);
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        // Never ends by itself before 64 MB: the server must stop it.
        sent += chunk.length;
        if (sent > 64 * 1024 * 1024) controller.close();
        else controller.enqueue(chunk);
      },
    });
    const response = await fetch(`${server.url}/import/roadmap?${query(homeParams({ listYear: '2022' }))}`, {
      method: 'POST',
      body,
      headers: { 'content-type': 'text/plain', authorization: `Bearer ${tokens.home}` },
      duplex: 'half',
    } as RequestInit);
    expect(response.status).toBe(413);
    expect(((await response.json()) as Refusal).errors[0]!.extensions.code).toBe('FILE_TOO_LARGE');
    expect(sent).toBeLessThan(16 * 1024 * 1024);
    expect(await counts()).toEqual(before);
  });

  it('a cross-site text/plain POST (no preflight header, no token): 400 CSRF_PREVENTED', async () => {
    const before = await counts();
    for (const headers of [{}, { 'apollo-require-preflight': '' }] as Record<string, string>[]) {
      const response = await fetch(
        `${server.url}/import/roadmap?${query(homeParams({ listYear: '2022' }))}`,
        {
          method: 'POST',
          body: TEXT,
          headers: { 'content-type': 'text/plain', ...headers },
        },
      );
      expect(response.status).toBe(400);
      expect(await response.json()).toEqual({
        errors: [{ message: expect.stringContaining('CSRF'), extensions: { code: 'CSRF_PREVENTED' } }],
      });
    }
    expect(await counts()).toEqual(before);
  });
});
