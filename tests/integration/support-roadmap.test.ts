import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mintToken } from '../../api/auth/tokens.js';
import { type RunningServer } from '../../api/server.js';
import { createFreshDatabase, type FreshDatabase } from '../support/fresh-database.js';
import { startTestServerOn } from '../support/server.js';

/**
 * The roadmap import (SUPPORT-V1 §3, issue 12) over real HTTP on a database of its own: the real
 * seed file 001 gives exactly what §2 and §3 state, the writers are the analysts of the place, a
 * refused import writes nothing, status records give the §2 statuses as of a date, a re-import over
 * records is a CONFLICT, the CLI imports the same file, and nothing leaks to other places. The
 * expected figures are written out from the contract, not computed by the code under test.
 */
const SECRET = 'support-roadmap-secret-of-at-least-32-bytes';
const SEED_001 = join(import.meta.dirname, '../fixtures/roadmap/001_895a1ffee6e9f536.txt');
const TEXT = readFileSync(SEED_001, 'utf8');

let fresh: FreshDatabase;
let server: RunningServer;
let db: pg.Pool;
/** Two municipalities of region 56, a school of the first, and tokens. */
let home: { id: number; name: string };
let other: { id: number; name: string };
let schoolCode: string;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  fresh = await createFreshDatabase({ seed: 'demo' });
  server = await startTestServerOn(fresh.url, { AUTH_DEV_MODE: '0', AUTH_JWT_SECRET: SECRET });
  db = new pg.Pool({ connectionString: fresh.url, max: 2 });
  const { rows } = await db.query<{ id: number; name: string }>(
    `select m.id, m.name from municipality m join region g on g.id = m.region_id
     where g.code = '56' and exists (select 1 from school s where s.municipality_id = m.id)
     order by m.id limit 2`,
  );
  [home, other] = [rows[0]!, rows[1]!];
  schoolCode = (
    await db.query<{ code: string }>(
      `select code from school where municipality_id = $1 order by code limit 1`,
      [home.id],
    )
  ).rows[0]!.code;
  tokens.ministry = await mintToken(SECRET, { role: 'MINISTRY', sub: 'ministry' });
  tokens.home = await mintToken(SECRET, { role: 'MUNICIPAL_ANALYST', municipality: home.id, sub: 'home' });
  tokens.other = await mintToken(SECRET, { role: 'MUNICIPAL_ANALYST', municipality: other.id, sub: 'other' });
  tokens.school = await mintToken(SECRET, { role: 'SCHOOL', school: schoolCode, sub: 'school' });
  tokens.region56 = await mintToken(SECRET, { role: 'REGION_ANALYST', region: '56', sub: 'r56' });
  tokens.region23 = await mintToken(SECRET, { role: 'REGION_ANALYST', region: '23', sub: 'r23' });
});
afterAll(async () => {
  await server?.close();
  await db?.end();
  await fresh?.drop();
});

interface ActivityOut {
  id: string;
  ordinal: number;
  number: string;
  title: string;
  deadlineText: string;
  deadlineKind: string;
  start: string | null;
  due: string | null;
  executorsText: string;
  executors: string[];
  expectedResult: string | null;
  requiresSchoolReport: boolean;
  status?: string;
}
interface RoadmapOut {
  id: string;
  order: { number: string; date: string } | null;
  activities: ActivityOut[];
  [field: string]: unknown;
}
interface ImportOut {
  replaced: boolean;
  periodDerived: boolean;
  warnings: { code: string; ordinal: number; number: string; line: number; message: string }[];
  roadmap: RoadmapOut;
}
/** What the operations of this file answer. */
interface Data {
  importRoadmap: ImportOut;
  roadmap: RoadmapOut | null;
  roadmaps: { totalCount: number; nodes: { id: string }[] };
}

interface Answer {
  status: number;
  data?: Data | null;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

async function ask(token: string, query: string, variables: Record<string, unknown> = {}): Promise<Answer> {
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, ...((await response.json()) as Omit<Answer, 'status'>) };
}

function ok(answer: Answer): Data {
  if (answer.errors?.length || !answer.data)
    throw new Error(`GraphQL errors: ${JSON.stringify(answer.errors)}`);
  return answer.data;
}

const errorOf = (answer: Answer) => answer.errors?.[0]?.extensions ?? {};

const IMPORT = `mutation Import($input: RoadmapImportInput!) {
  importRoadmap(input: $input) {
    replaced periodDerived
    warnings { code ordinal number line message }
    roadmap {
      id level listYear periodStart periodEnd
      order { number date }
      region { code } municipality { id name } school { code }
      activities {
        id ordinal number title deadlineText deadlineKind start due
        executorsText executors expectedResult requiresSchoolReport
      }
    }
  }
}`;

const homeInput = (extra: Record<string, unknown> = {}) => ({
  text: TEXT,
  level: 'MUNICIPALITY',
  regionCode: '56',
  municipality: String(home.id),
  listYear: 2020,
  orderNumber: '01-10/142-2',
  orderDate: '2020-09-10',
  ...extra,
});

/** Rows of the support tables that an import writes, and of the audit log. */
async function counts(): Promise<Record<string, number>> {
  const { rows } = await db.query<Record<string, number>>(
    `select (select count(*)::int from roadmap) as roadmaps, (select count(*)::int from activity) as activities,
       (select count(*)::int from support_order) as orders, (select count(*)::int from audit_log) as audit`,
  );
  return rows[0]!;
}

// SUPPORT-V1 §2 «Seed 001», P = 2020-09-01 … 2021-12-31: kind · start … due per activity.
const P = ['2020-09-01', '2021-12-31'] as const;
const SEP = ['MONTHS', '2020-09-01', '2020-09-30'];
const SEP_OCT = ['MONTHS', '2020-09-01', '2020-10-31'];
const WHOLE = ['WHOLE_PERIOD', P[0], P[1]];
const DEADLINES: Record<number, (string | null)[]> = {
  1: SEP, 2: SEP, 4: SEP, 5: SEP, 6: SEP, 11: SEP,
  3: SEP_OCT, 7: SEP_OCT, 12: SEP_OCT, 10: SEP_OCT,
  13: ['MONTHS', '2020-10-01', '2020-10-31'],
  14: ['MONTHS', '2020-10-01', '2020-11-30'],
  9: ['MONTHS', '2021-01-01', '2021-02-28'],
  16: ['MONTHS', '2021-01-01', '2021-05-31'],
  15: ['MONTHS', '2021-03-01', '2021-03-31'],
  17: ['MONTHS', '2021-09-01', '2021-12-31'],
  8: ['PERIOD_YEAR', '2020-09-01', '2021-08-31'],
  18: ['NO_DUE', null, null],
  19: WHOLE, 20: WHOLE, 21: WHOLE, 22: WHOLE, 23: WHOLE,
}; // prettier-ignore

// SUPPORT-V1 §3: О, Ц, Р (Р capitalised in 15 and 17), РГ.
const O = 'Отдел образования';
const C = 'МКУ «ЦМТО»';
const R = 'руководители ОО';
const RC = 'Руководители ОО';
const RG = 'рабочая группа';
const EXECUTORS: Record<number, string[]> = {
  1: [O, C], 2: [O, C], 4: [O, C], 5: [O, C], 6: [O, C], 7: [O, C], 8: [O, C], 9: [O, C],
  3: [O, C, R], 13: [O, C, R], 14: [O, C, R], 18: [O, C, R], 19: [O, C, R], 20: [O, C, R],
  21: [O, C, R], 22: [O, C, R], 23: [O, C, R],
  10: [O], 11: [O, R], 12: [O, RG], 15: [RC], 17: [RC], 16: [C, R],
}; // prettier-ignore
const SCHOOL_REPORTS = [3, 11, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23];
const NUMBERS = [...Array.from({ length: 22 }, (_, i) => `${i + 1}.`), '23'];

let roadmapId: string;
/** ordinal → activity id of the home roadmap (after the last import). */
let activityIds: Record<number, string> = {};

describe('importRoadmap: seed 001 for a municipality of region 56 (SUPPORT-V1 §2, §3)', () => {
  let imported: ImportOut;

  beforeAll(async () => {
    imported = ok(await ask(tokens.home!, IMPORT, { input: homeInput() })).importRoadmap;
    roadmapId = imported.roadmap.id;
    activityIds = Object.fromEntries(imported.roadmap.activities.map((a) => [a.ordinal, a.id]));
  });

  it('reads 23 activities numbered 1. … 22., 23, derives the period and warns of nothing', () => {
    const roadmap = imported.roadmap;
    expect(imported.warnings).toEqual([]);
    expect(imported.periodDerived).toBe(true);
    expect(imported.replaced).toBe(false);
    expect(roadmap).toMatchObject({
      level: 'MUNICIPALITY',
      listYear: 2020,
      periodStart: '2020-09-01',
      periodEnd: '2021-12-31',
      order: { number: '01-10/142-2', date: '2020-09-10' },
      region: { code: '56' },
      municipality: { id: String(home.id), name: home.name },
      school: null,
    });
    expect(roadmap.activities.map((a) => a.number)).toEqual(NUMBERS);
    expect(roadmap.activities.map((a) => a.ordinal)).toEqual(Array.from({ length: 23 }, (_, i) => i + 1));
  });

  it('reads every deadline as the §2 Seed 001 table', () => {
    for (const a of imported.roadmap.activities) {
      expect([a.deadlineKind, a.start, a.due], `activity ${a.number}`).toEqual(DEADLINES[a.ordinal]);
    }
    const six = imported.roadmap.activities[5]!;
    expect(six.deadlineText).toBe('сентябрь 2020 года');
    expect(six.executorsText).toBe('Отдел образования МКУ «ЦМТО»');
    expect(six.title).toMatch(/образовательных организаций .* базовыми площадками\)$/);
  });

  it('splits the executors as §3 and marks the 13 activities with school reports', () => {
    for (const a of imported.roadmap.activities) {
      expect(a.executors, `activity ${a.number}`).toEqual(EXECUTORS[a.ordinal]);
      expect(a.requiresSchoolReport, `activity ${a.number}`).toBe(SCHOOL_REPORTS.includes(a.ordinal));
      expect(a.expectedResult, `activity ${a.number}`).toMatch(/\S/);
    }
    expect(imported.roadmap.activities.filter((a) => a.requiresSchoolReport)).toHaveLength(13);
  });

  it('stores the roadmap, its source text, its activities, its order and an audit entry', async () => {
    const { rows: roadmaps } = await db.query(
      `select r.level, r.region_id, r.municipality_id, r.school_id, r.list_year,
         to_char(r.period_start, 'YYYY-MM-DD') as start, to_char(r.period_end, 'YYYY-MM-DD') as end,
         r.source_text, o.number, to_char(o.date, 'YYYY-MM-DD') as date, o.municipality_id as order_municipality
       from roadmap r join support_order o on o.id = r.approving_order_id where r.id = $1`,
      [roadmapId],
    );
    const { rows: region } = await db.query<{ id: number }>(`select id from region where code = '56'`);
    expect(roadmaps).toEqual([
      {
        level: 'MUNICIPALITY',
        region_id: region[0]!.id,
        municipality_id: home.id,
        school_id: null,
        list_year: 2020,
        start: '2020-09-01',
        end: '2021-12-31',
        source_text: TEXT,
        number: '01-10/142-2',
        date: '2020-09-10',
        order_municipality: home.id,
      },
    ]);
    const { rows: activities } = await db.query(
      `select ordinal, number, deadline_kind as kind, to_char(start, 'YYYY-MM-DD') as start,
         to_char(due, 'YYYY-MM-DD') as due, executors, requires_school_report as reports,
         expected_result is not null and expected_result <> '' as result
       from activity where roadmap_id = $1 order by ordinal`,
      [roadmapId],
    );
    expect(activities.map((a) => a.number)).toEqual(NUMBERS);
    for (const a of activities) {
      expect([a.kind, a.start, a.due]).toEqual(DEADLINES[a.ordinal]);
      expect(a.executors).toEqual(EXECUTORS[a.ordinal]);
      expect(a.reports).toBe(SCHOOL_REPORTS.includes(a.ordinal));
      expect(a.result).toBe(true);
    }
    const { rows: audit } = await db.query(
      `select actor, action, details->>'activities' as activities from audit_log where target = $1`,
      [`roadmap:${roadmapId}`],
    );
    expect(audit).toEqual([{ actor: 'home', action: 'importRoadmap', activities: '23' }]);
  });

  it('re-imports in place while no activity has records: same id, activities replaced', async () => {
    const before = await counts();
    const again = ok(await ask(tokens.home!, IMPORT, { input: homeInput() })).importRoadmap;
    expect(again.replaced).toBe(true);
    expect(again.roadmap.id).toBe(roadmapId);
    expect(again.roadmap.activities).toHaveLength(23);
    const after = await counts();
    expect(after).toEqual({ ...before, audit: before.audit! + 1 });
    activityIds = Object.fromEntries(again.roadmap.activities.map((a) => [a.ordinal, a.id]));
  });
});

describe('importRoadmap: refusals write nothing', () => {
  it('an analyst of another municipality: FORBIDDEN naming support.plan', async () => {
    const before = await counts();
    const answer = await ask(tokens.other!, IMPORT, { input: homeInput({ listYear: 2021 }) });
    expect(errorOf(answer)).toMatchObject({ code: 'FORBIDDEN', action: 'support.plan' });
    expect(await counts()).toEqual(before);
  });

  it('a school token: FORBIDDEN', async () => {
    const before = await counts();
    const answer = await ask(tokens.school!, IMPORT, { input: homeInput({ listYear: 2021 }) });
    expect(errorOf(answer)).toMatchObject({ code: 'FORBIDDEN', action: 'support.plan' });
    expect(await counts()).toEqual(before);
  });

  it('a text without a header: BAD_USER_INPUT NO_HEADER', async () => {
    const before = await counts();
    const text = TEXT.split('\n').slice(0, 59).join('\n');
    const answer = await ask(tokens.home!, IMPORT, { input: homeInput({ text, listYear: 2021 }) });
    expect(errorOf(answer)).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'NO_HEADER',
      argument: 'input.text',
    });
    expect(await counts()).toEqual(before);
  });

  const vague = [
    '№\tМероприятие\tСрок\tОтветственный',
    '1.\tСовещание\tв течение всего периода\tОтдел образования',
    '2.\tСеминар\tпо отдельному плану\tруководители ОО',
    '3.\tОтчёт\tв течение года\tОтдел образования',
  ].join('\n');

  it('a table without explicit deadlines and no period: PERIOD_REQUIRED; with a period it imports', async () => {
    const before = await counts();
    const input = homeInput({ text: vague, listYear: 2022, orderNumber: null, orderDate: null });
    const answer = await ask(tokens.home!, IMPORT, { input });
    expect(errorOf(answer)).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'PERIOD_REQUIRED' });
    expect(await counts()).toEqual(before);

    const given = ok(
      await ask(tokens.home!, IMPORT, {
        input: { ...input, periodStart: '2022-01-10', periodEnd: '2022-12-31' },
      }),
    ).importRoadmap;
    expect(given.periodDerived).toBe(false);
    expect(given.roadmap.order).toBeNull();
    expect(
      given.roadmap.activities.map((a) => [a.deadlineKind, a.start, a.due, a.requiresSchoolReport]),
    ).toEqual([
      ['WHOLE_PERIOD', '2022-01-10', '2022-12-31', false],
      ['NO_DUE', null, null, true],
      ['PERIOD_YEAR', '2022-01-10', '2022-12-31', false],
    ]);
  });

  it('warns of an unparsed deadline, a due outside the period and a repeated number, and keeps them', async () => {
    const text = [
      '№\tМероприятие\tСрок\tОтветственный',
      '1.\tСовещание\tкогда получится\tОтдел образования',
      '2.\tСеминар\tмарт 2024 года\tОтдел образования',
      '2.\tЕщё семинар\tмай 2023 года\tОтдел образования',
    ].join('\n');
    const input = homeInput({ text, listYear: 2023, orderNumber: null, orderDate: null });
    const result = ok(
      await ask(tokens.home!, IMPORT, {
        input: { ...input, periodStart: '2023-01-01', periodEnd: '2023-12-31' },
      }),
    ).importRoadmap;
    expect(result.warnings.map((w) => [w.code, w.ordinal, w.number, w.line])).toEqual([
      ['UNPARSED_DEADLINE', 1, '1.', 2],
      ['DUE_OUTSIDE_PERIOD', 2, '2.', 3],
      ['DUPLICATE_NUMBER', 3, '2.', 4],
    ]);
    expect(result.roadmap.activities.map((a) => [a.deadlineKind, a.due])).toEqual([
      ['UNPARSED', null],
      ['MONTHS', '2024-03-31'],
      ['MONTHS', '2023-05-31'],
    ]);
  });
});

const RECORD = `mutation Record($activityId: ID!, $date: Date!, $status: ActivityRecordStatus!, $note: String, $evidenceUrl: String) {
  recordActivityStatus(activityId: $activityId, date: $date, status: $status, note: $note, evidenceUrl: $evidenceUrl) {
    id records { date seq status note evidenceUrl }
  }
}`;

const STATUS = `query Status($id: ID!, $asOf: Date) {
  roadmap(id: $id) { activities { ordinal due status(asOf: $asOf) records { date status } } }
}`;

async function statusesAsOf(asOf: string | null): Promise<Record<number, string | undefined>> {
  const data = ok(await ask(tokens.home!, STATUS, { id: roadmapId, asOf }));
  return Object.fromEntries(data.roadmap!.activities.map((a) => [a.ordinal, a.status]));
}

describe('recordActivityStatus and status(asOf) (SUPPORT-V1 §2 Status as of D)', () => {
  beforeAll(async () => {
    // activity 1 (due 2020-09-30): IN_PROGRESS from 10 Sep, DONE on 5 Oct (after its due date)
    ok(
      await ask(tokens.home!, RECORD, {
        activityId: activityIds[1],
        date: '2020-09-10',
        status: 'IN_PROGRESS',
      }),
    );
    ok(
      await ask(tokens.home!, RECORD, {
        activityId: activityIds[1],
        date: '2020-10-05',
        status: 'DONE',
        note: 'Список утверждён',
        evidenceUrl: 'https://example.org/prikaz-142',
      }),
    );
    // activity 2 (due 2020-09-30): DONE then IN_PROGRESS on one day: the later record (higher seq) holds
    ok(await ask(tokens.home!, RECORD, { activityId: activityIds[2], date: '2020-09-15', status: 'DONE' }));
    ok(
      await ask(tokens.home!, RECORD, {
        activityId: activityIds[2],
        date: '2020-09-15',
        status: 'IN_PROGRESS',
      }),
    );
  });

  it('keeps the records in order, with note and evidence', async () => {
    const { rows } = await db.query(
      `select to_char(date, 'YYYY-MM-DD') as date, status, note, evidence_url from activity_status_record
       where activity_id = $1 order by date, seq`,
      [activityIds[1]],
    );
    expect(rows).toEqual([
      { date: '2020-09-10', status: 'IN_PROGRESS', note: null, evidence_url: null },
      {
        date: '2020-10-05',
        status: 'DONE',
        note: 'Список утверждён',
        evidence_url: 'https://example.org/prikaz-142',
      },
    ]);
  });

  it('PLANNED before the first record, as recorded until due, OVERDUE after due, DONE once done', async () => {
    expect((await statusesAsOf('2020-09-05'))[1]).toBe('PLANNED');
    expect((await statusesAsOf('2020-09-20'))[1]).toBe('IN_PROGRESS');
    expect((await statusesAsOf('2020-09-30'))[1]).toBe('IN_PROGRESS'); // not yet on the due date itself
    expect((await statusesAsOf('2020-10-01'))[1]).toBe('OVERDUE');
    expect((await statusesAsOf('2020-10-05'))[1]).toBe('DONE');
    expect((await statusesAsOf('2021-12-31'))[1]).toBe('DONE');
  });

  it('orders one day’s records by seq; never overdue without a due date', async () => {
    expect((await statusesAsOf('2020-09-20'))[2]).toBe('IN_PROGRESS');
    expect((await statusesAsOf('2020-10-01'))[2]).toBe('OVERDUE');
    const late = await statusesAsOf('2030-01-01');
    expect(late[18]).toBe('PLANNED'); // NO_DUE
    expect(late[3]).toBe('OVERDUE');
  });

  it('defaults asOf to today in the region: DONE stays, the rest of 2020–2021 is overdue', async () => {
    const today = await statusesAsOf(null);
    expect(today[1]).toBe('DONE');
    expect(today[2]).toBe('OVERDUE');
    expect(today[18]).toBe('PLANNED');
  });

  it('refuses a non-http evidence link and a date in the future', async () => {
    const bad = await ask(tokens.home!, RECORD, {
      activityId: activityIds[3],
      date: '2020-10-01',
      status: 'DONE',
      evidenceUrl: 'ftp://example.org/x',
    });
    expect(errorOf(bad)).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'evidenceUrl' });
    const future = await ask(tokens.home!, RECORD, {
      activityId: activityIds[3],
      date: '2999-01-01',
      status: 'DONE',
    });
    expect(errorOf(future)).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'date' });
  });

  it('a record on another municipality’s activity: FORBIDDEN', async () => {
    const theirs = ok(
      await ask(tokens.other!, IMPORT, {
        input: homeInput({ municipality: other.name, orderNumber: '7', orderDate: '2020-09-01' }),
      }),
    ).importRoadmap;
    const answer = await ask(tokens.home!, RECORD, {
      activityId: theirs.roadmap.activities[0]!.id,
      date: '2020-09-10',
      status: 'DONE',
    });
    expect(errorOf(answer)).toMatchObject({ code: 'FORBIDDEN', action: 'support.plan' });
    const { rows } = await db.query(
      `select count(*)::int as n from activity_status_record where activity_id = $1`,
      [theirs.roadmap.activities[0]!.id],
    );
    expect(rows[0].n).toBe(0);
  });

  it('re-importing after a status record: CONFLICT, nothing changed', async () => {
    const before = await counts();
    const answer = await ask(tokens.home!, IMPORT, { input: homeInput() });
    expect(errorOf(answer)).toMatchObject({ code: 'CONFLICT' });
    expect(await counts()).toEqual(before);
  });
});

describe('reads are scoped to the roadmap’s place', () => {
  const LIST = `query List($filter: RoadmapFilter) { roadmaps(filter: $filter, first: 50) { totalCount nodes { id } } }`;

  it('a viewer of another region: null and an empty list', async () => {
    const one = ok(
      await ask(tokens.region23!, `query { roadmap(id: "${roadmapId}") { id activities { id } } }`),
    );
    expect(one.roadmap).toBeNull();
    const list = ok(await ask(tokens.region23!, LIST)).roadmaps;
    expect(list).toEqual({ totalCount: 0, nodes: [] });
  });

  it('another municipality sees its own only; the ministry sees them all, filtered', async () => {
    const theirs = ok(await ask(tokens.other!, LIST)).roadmaps;
    const { rows } = await db.query<{ id: string }>(
      `select id::text as id from roadmap where municipality_id = $1 order by id`,
      [other.id],
    );
    expect(theirs.nodes).toEqual(rows);
    expect(ok(await ask(tokens.other!, `query { roadmap(id: "${roadmapId}") { id } }`)).roadmap).toBeNull();
    const all = ok(
      await ask(tokens.ministry!, LIST, {
        filter: { regionCodes: ['56'], municipalityIds: [String(home.id)], listYear: 2020 },
      }),
    ).roadmaps;
    expect(all.nodes).toEqual([{ id: roadmapId }]);
  });
});

describe('npm run import -- roadmap', () => {
  it('imports the seed file once and prints 23 activities, the period and no warnings', async () => {
    const child = spawn(
      process.execPath,
      [
        '--import',
        '@swc-node/register/esm-register',
        'api/import/cli.ts',
        'roadmap',
        SEED_001,
        '--level',
        'MUNICIPALITY',
        '--region',
        '56',
        '--municipality',
        home.name,
        '--list-year',
        '2021',
        '--order',
        '01-10/142-2:2020-09-10',
      ],
      { env: { ...process.env, DATABASE_URL: fresh.url }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(output).toMatch(/activities: 23\n/);
    expect(output).toMatch(/period: 2020-09-01 … 2021-12-31/);
    expect(output).toMatch(/warnings: 0\n/);
    expect(code).toBe(0);
    const { rows } = await db.query(
      `select count(*)::int as n from activity a join roadmap r on r.id = a.roadmap_id
       where r.list_year = 2021 and r.municipality_id = $1`,
      [home.id],
    );
    expect(rows[0].n).toBe(23);
  });
});
