import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mintToken } from '../../api/auth/tokens.js';
import {
  buildDemoSupportYearAt,
  describeDemoSupportYear,
  type DemoSupportSummary,
} from '../../api/demo/support-year.js';
import { type RunningServer } from '../../api/server.js';
import { loadConfig } from '../../config/settings.js';
import { createFreshDatabase, type FreshDatabase } from '../support/fresh-database.js';
import { startTestServerOn } from '../support/server.js';

/**
 * The demo's support year (issue 12 item 9, api/demo): the builder `npm start` runs, over a
 * database of this file's own with the demo seed, checked in SQL and over real HTTP with tokens of
 * the roles a reader of the README would mint — and run a second time, changing nothing.
 */
const SECRET = 'demo-support-year-secret-of-32-bytes+';
const config = loadConfig({ NODE_ENV: 'test' });
/** A day of the list year after every record of the demo (the last is dated 27 November). */
const AS_OF = '2026-12-01';

let fresh: FreshDatabase;
let db: pg.Pool;
let server: RunningServer;
let summary: DemoSupportSummary;

interface Answer<T> {
  data?: T | null;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

async function ask<T = Record<string, unknown>>(
  claims: Record<string, unknown>,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<T> {
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${await mintToken(SECRET, { sub: 'demo-support-test', ...claims })}`,
    },
    body: JSON.stringify({ query, variables }),
  });
  const answer = (await response.json()) as Answer<T>;
  expect(answer.errors, JSON.stringify(answer.errors)).toBeUndefined();
  return answer.data as T;
}

const MINISTRY = { role: 'MINISTRY' };

async function rows<T = Record<string, unknown>>(text: string, params: unknown[] = []): Promise<T[]> {
  return (await db.query(text, params)).rows as T[];
}

/** Every table the builder writes, and the audit log. */
const TABLES = [
  'shnor_list',
  'shnor_list_entry',
  'support_order',
  'roadmap',
  'activity',
  'activity_status_record',
  'activity_report',
  'working_group',
  'working_group_member',
  'assignment',
  'partnership',
  'support_event',
  'support_event_school',
  'school_document',
  'document_status_record',
  'diagnostic',
  'best_practice',
  'audit_log',
];

async function tableCounts(): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of TABLES) {
    counts[table] = Number((await rows<{ n: string }>(`select count(*) as n from ${table}`))[0]?.n);
  }
  return counts;
}

/**
 * The rows of every table the builder writes, without their timestamps (when they were written),
 * in a stable order: what must be the same on any database loaded with the same seed.
 */
async function contentOf(pool: pg.Pool): Promise<Record<string, unknown[]>> {
  const content: Record<string, unknown[]> = {};
  for (const table of TABLES) {
    const { rows: stamps } = await pool.query<{ name: string }>(
      `select column_name as name from information_schema.columns
        where table_schema = 'public' and table_name = $1 and data_type like 'timestamp%'`,
      [table],
    );
    const { rows: found } = await pool.query<{ row: unknown }>(
      `select to_jsonb(t) - $1::text[] as row from ${table} t order by (to_jsonb(t) - $1::text[])::text`,
      [stamps.map((c) => c.name)],
    );
    content[table] = found.map((r) => r.row);
  }
  return content;
}

beforeAll(async () => {
  fresh = await createFreshDatabase();
  db = new pg.Pool({ connectionString: fresh.url, max: 3 });
  const built = await buildDemoSupportYearAt(fresh.url, config);
  if (!built) throw new Error('the demo support year was not built over the demo seed');
  summary = built;
  server = await startTestServerOn(fresh.url, { AUTH_DEV_MODE: '0', AUTH_JWT_SECRET: SECRET });
}, 120_000);

afterAll(async () => {
  await server?.close();
  await db?.end();
  await fresh?.drop();
});

describe('the demo support year', () => {
  it('is one municipality of region 56 with the approved list of the latest year', async () => {
    expect(summary.built).toBe(true);
    expect(summary.listYear).toBe(2026);
    expect(summary.skippedAsFuture).toBe(0);
    expect(summary.schools.length).toBeGreaterThanOrEqual(2);
    expect(describeDemoSupportYear(summary).join('\n')).toContain('--role CURATOR --person curator-1');
    const [list] = await rows<{ status: string; year: number; code: string }>(
      `select l.status, l.year, g.code from shnor_list l join region g on g.id = l.region_id where l.id = $1`,
      [summary.listId],
    );
    expect(list).toEqual({ status: 'APPROVED', year: 2026, code: '56' });
    // the listed schools of the summary are exactly the list's included schools of the municipality
    const included = await rows<{ code: string }>(
      `select school_code as code from shnor_list_entry where list_id = $1 and municipality_id = $2
         and coalesce(decision = 'INCLUDE', status = 'ELIGIBLE') order by school_code`,
      [summary.listId, summary.municipality.id],
    );
    expect(included.map((r) => r.code)).toEqual(summary.schools.map((s) => s.code));
    expect(summary.schools.map((s) => s.curatorKey)).toEqual(
      summary.schools.map((_, i) => `curator-${i + 1}`),
    );
  });

  it('has the roadmap of seed 001 with its order, 23 activities and their statuses', async () => {
    const data = await ask<{
      roadmap: {
        level: string;
        listYear: number;
        periodStart: string;
        periodEnd: string;
        municipality: { id: string };
        order: { number: string; date: string };
        activities: { number: string; deadlineKind: string; due: string | null; status: string }[];
      };
    }>(
      MINISTRY,
      `query ($id: ID!, $asOf: Date) { roadmap(id: $id) { level listYear periodStart periodEnd municipality { id }
        order { number date } activities { number deadlineKind due status(asOf: $asOf) } } }`,
      { id: summary.roadmapId, asOf: AS_OF },
    );
    const r = data.roadmap;
    expect(r).toMatchObject({
      level: 'MUNICIPALITY',
      listYear: 2026,
      periodStart: '2026-09-01',
      periodEnd: '2027-12-31',
      municipality: { id: String(summary.municipality.id) },
      order: { number: '01-10/142-2', date: '2026-09-10' },
    });
    expect(r.activities).toHaveLength(23);
    expect(r.activities.map((a) => a.number).slice(-2)).toEqual(['22.', '23']);
    // seed 001's deadlines (SUPPORT-V1 §2), a year of the list later
    expect(r.activities[0]).toMatchObject({ deadlineKind: 'MONTHS', due: '2026-09-30' });
    expect(r.activities[7]).toMatchObject({ deadlineKind: 'PERIOD_YEAR', due: '2027-08-31' });
    expect(r.activities[17]).toMatchObject({ deadlineKind: 'NO_DUE', due: null });
    const byStatus = (status: string) =>
      r.activities.filter((a) => a.status === status).map((a) => Number.parseInt(a.number, 10));
    expect(byStatus('DONE')).toEqual([1, 2, 3, 4, 5, 6, 10, 11, 12, 13, 14]);
    expect(byStatus('OVERDUE')).toEqual([7]);
    expect(byStatus('IN_PROGRESS')).toEqual([8, 18, 19, 20, 21]);
    expect(byStatus('PLANNED')).toEqual([9, 15, 16, 17, 22, 23]);
    // today (after the list year's November) activity 7 is past due as well
    const today = await ask<{ roadmap: { activities: { number: string; status: string }[] } }>(
      MINISTRY,
      `query ($id: ID!) { roadmap(id: $id) { activities { number status } } }`,
      { id: summary.roadmapId },
    );
    expect(today.roadmap.activities[6]).toEqual({ number: '7.', status: 'OVERDUE' });
    // the records are append-only rows written by the municipality, each audited
    const [records] = await rows<{ n: number; audited: number }>(
      `select (select count(*)::int from activity_status_record x join activity a on a.id = x.activity_id
                where a.roadmap_id = $1) as n,
              (select count(*)::int from audit_log where action = 'recordActivityStatus') as audited`,
      [summary.roadmapId],
    );
    expect(records?.n).toBe(20);
    expect(records?.audited).toBe(20);
  });

  it('has a working group with a chair, a deputy, a secretary and members, a coordinator and a curator per school', async () => {
    const data = await ask<{
      workingGroups: { nodes: { name: string; order: { number: string }; members: { role: string }[] }[] };
      assignments: { nodes: { kind: string; person: { key: string }; school: { code: string } | null }[] };
    }>(
      MINISTRY,
      `query ($m: ID!, $asOf: Date) {
        workingGroups(filter: { municipalityIds: [$m] }) { nodes { name order { number } members { role } } }
        assignments(filter: { municipalityIds: [$m] }, asOf: $asOf, first: 50) { nodes { kind person { key } school { code } } }
      }`,
      { m: String(summary.municipality.id), asOf: AS_OF },
    );
    const [group] = data.workingGroups.nodes;
    expect(data.workingGroups.nodes).toHaveLength(1);
    expect(group?.order.number).toBe('01-10/142-2');
    expect(group?.members.map((m) => m.role)).toEqual([
      'CHAIR',
      'DEPUTY_CHAIR',
      'SECRETARY',
      'MEMBER',
      'MEMBER',
      'MEMBER',
    ]);
    const assignments = data.assignments.nodes.map((a) => [a.kind, a.person.key, a.school?.code ?? null]);
    expect(assignments).toEqual([
      ['COORDINATOR', 'coordinator-1', null],
      ...summary.schools.map((s) => ['CURATOR', s.curatorKey, s.code]),
    ]);
  });

  it('has partnerships that are exactly the accepted partner suggestions', async () => {
    const partnerships = await rows<{ listed: string; partner: string; basis: string }>(
      `select ls.code as listed, ps.code as partner, o.number as basis from partnership p
         join school ls on ls.id = p.listed_school_id join school ps on ps.id = p.partner_school_id
         join support_order o on o.id = p.basis_order_id order by p.id`,
    );
    const accepted = await rows<{ listed: string; partner: string; rank: number }>(
      `select details->>'listedSchoolCode' as listed, details->>'partnerSchoolCode' as partner,
         (details->>'suggestionRank')::int as rank
       from audit_log where action = 'acceptPartnerSuggestion' order by id`,
    );
    expect(partnerships.length).toBe(summary.partnerships);
    expect(partnerships.length).toBeGreaterThanOrEqual(summary.schools.length);
    expect(partnerships.map((p) => [p.listed, p.partner])).toEqual(
      accepted.map((a) => [a.listed, a.partner]),
    );
    expect(new Set(partnerships.map((p) => p.basis))).toEqual(new Set(['01-10/142-2']));
    expect(await rows(`select 1 from audit_log where action = 'createPartnership'`)).toEqual([]);
    // each is a suggestion the municipality is given for its school, at the rank recorded
    const municipal = { role: 'MUNICIPAL_ANALYST', municipality: summary.municipality.id };
    for (const a of accepted) {
      const data = await ask<{ partnerSuggestions: { suggestions: { school: { code: string } }[] } }>(
        municipal,
        `query ($code: String!) { partnerSuggestions(year: 2026, schoolCode: $code) { suggestions { school { code } } } }`,
        { code: a.listed },
      );
      const codes = data.partnerSuggestions.suggestions.map((s) => s.school.code);
      expect(codes.indexOf(a.partner) + 1).toBe(a.rank);
    }
  });

  it('has school documents in every status, returned ones with the curator’s comment', async () => {
    const data = await ask<{
      schoolDocuments: {
        nodes: {
          schoolCode: string;
          kind: string;
          status: string;
          records: { status: string; comment: string | null; actor: string }[];
        }[];
      };
    }>(
      MINISTRY,
      `query ($m: ID!) { schoolDocuments(filter: { municipalityIds: [$m], listYear: 2026 }, first: 100) {
        nodes { schoolCode kind status records { status comment actor } } } }`,
      { m: String(summary.municipality.id) },
    );
    const documents = data.schoolDocuments.nodes;
    expect(new Set(documents.map((d) => d.status))).toEqual(
      new Set(['DRAFT', 'SUBMITTED', 'APPROVED', 'RETURNED']),
    );
    for (const d of documents) {
      expect(d.records[0]?.status).toBe('DRAFT');
      for (const record of d.records) {
        if (record.status === 'RETURNED' || record.status === 'APPROVED') {
          // reviewed by the school's own curator, a returned one with its reason
          const curator = summary.schools.find((s) => s.code === d.schoolCode)?.curatorKey;
          expect(record.actor).toBe(`demo:${curator}`);
          if (record.status === 'RETURNED') expect(record.comment?.length).toBeGreaterThan(10);
        }
        if (record.status === 'DRAFT' || record.status === 'SUBMITTED') {
          expect(record.actor).toBe(`demo:school-${d.schoolCode}`);
        }
      }
    }
    // a returned programme resubmitted: RETURNED → SUBMITTED
    expect(
      documents.some((d) => d.records.map((r) => r.status).join() === 'DRAFT,SUBMITTED,RETURNED,SUBMITTED'),
    ).toBe(true);
    expect(documents.filter((d) => d.kind === 'ANTI_RISK_PROGRAMME').length).toBeGreaterThan(0);
  });

  it('has events, diagnostics ENTRANCE and INTERMEDIATE in RU and MA of every listed school, and best practices', async () => {
    const data = await ask<{
      supportEvents: { nodes: { kind: string; level: string; schoolsReached: number }[] };
      diagnostics: {
        nodes: { schoolCode: string; subject: string; stage: string; n: number; share2: number }[];
      };
      bestPractices: { nodes: { title: string; published: boolean; schoolCode: string }[] };
    }>(
      MINISTRY,
      `query ($codes: [String!]) {
        supportEvents(filter: { regionCodes: ["56"] }, from: "2026-09-01", to: "2026-12-31") { nodes { kind level schoolsReached } }
        diagnostics(filter: { schoolCodes: $codes }, first: 200) { nodes { schoolCode subject stage n share2 } }
        bestPractices(first: 50) { nodes { title published schoolCode } }
      }`,
      { codes: summary.schools.map((s) => s.code) },
    );
    const kinds = data.supportEvents.nodes.map((e) => e.kind);
    expect(kinds).toEqual(expect.arrayContaining(['SEMINAR', 'WEBINAR']));
    for (const e of data.supportEvents.nodes) expect(e.schoolsReached).toBe(summary.schools.length);
    for (const school of summary.schools) {
      const own = data.diagnostics.nodes.filter((d) => d.schoolCode === school.code);
      const cells = new Set(own.map((d) => `${d.subject}:${d.stage}`));
      expect(cells).toEqual(new Set(['RU:ENTRANCE', 'RU:INTERMEDIATE', 'MA:ENTRANCE', 'MA:INTERMEDIATE']));
    }
    expect(data.bestPractices.nodes).toHaveLength(2);
    expect(data.bestPractices.nodes.filter((p) => p.published)).toHaveLength(1);
    // written by the schools themselves
    const [practices] = await rows<{ n: number }>(
      `select count(*)::int as n from audit_log where action = 'createBestPractice' and actor like 'demo:school-%'`,
    );
    expect(practices?.n).toBe(2);
  });

  it('lets a CURATOR token (person key) see its school and only its school', async () => {
    const [first, second] = summary.schools;
    const curator = { role: 'CURATOR', person: first?.curatorKey };
    const query = `query ($a: String!, $b: String!) {
      a: school(code: $a) { code vprResults(year: 2026) { subject } }
      b: school(code: $b) { code }
      schoolDocuments(first: 50) { nodes { schoolCode status } }
      diagnostics(first: 50) { nodes { schoolCode } }
      bestPractices(first: 50) { nodes { published } }
    }`;
    const data = await ask<{
      a: { code: string; vprResults: unknown[] } | null;
      b: { code: string } | null;
      schoolDocuments: { nodes: { schoolCode: string }[] };
      diagnostics: { nodes: { schoolCode: string }[] };
      bestPractices: { nodes: { published: boolean }[] };
    }>(curator, query, { a: first?.code, b: second?.code });
    expect(data.a?.code).toBe(first?.code);
    expect(data.a?.vprResults.length).toBeGreaterThan(0);
    expect(data.b).toBeNull();
    expect(data.schoolDocuments.nodes.length).toBeGreaterThan(0);
    expect(new Set(data.schoolDocuments.nodes.map((d) => d.schoolCode))).toEqual(new Set([first?.code]));
    expect(new Set(data.diagnostics.nodes.map((d) => d.schoolCode))).toEqual(new Set([first?.code]));
    // the published practice (another school's), and the unpublished one only when it is of its school
    expect(data.bestPractices.nodes.some((p) => p.published)).toBe(true);
  });

  it('is the same on another database with the same seed (times of day aside)', async () => {
    const other = await createFreshDatabase();
    const otherDb = new pg.Pool({ connectionString: other.url, max: 2 });
    try {
      const built = await buildDemoSupportYearAt(other.url, config);
      expect(built).toMatchObject({ ...summary, milliseconds: expect.any(Number) });
      expect(await contentOf(otherDb)).toEqual(await contentOf(db));
    } finally {
      await otherDb.end();
      await other.drop();
    }
  }, 120_000);

  it('changes nothing when run again', async () => {
    const before = await tableCounts();
    const again = await buildDemoSupportYearAt(fresh.url, config);
    expect(again).toMatchObject({
      built: false,
      writes: 0,
      listId: summary.listId,
      roadmapId: summary.roadmapId,
      schools: summary.schools,
      partnerships: summary.partnerships,
    });
    expect(await tableCounts()).toEqual(before);
  });
});
