import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mintToken } from '../../api/auth/tokens.js';
import { buildDemoSupportYearAt, type DemoSupportSummary } from '../../api/demo/support-year.js';
import { type RunningServer } from '../../api/server.js';
import { loadConfig } from '../../config/settings.js';
import { createFreshDatabase, type FreshDatabase } from '../support/fresh-database.js';
import { startTestServerOn } from '../support/server.js';

/**
 * executionMonitoring (issue 13 item 1, SUPPORT-V1 §5) over real HTTP on the demo's support year
 * (municipality 15, list 1 of 2026, roadmap 1 with its records, reports, documents, curators,
 * partners, diagnostics, events): every figure recomputed here — in SQL from the tables, the
 * required documents from the API's own risk profiles, the diagnostics' pooling by hand — at two
 * dates; and who may ask for which place.
 */
const SECRET = 'monitoring-test-secret-of-at-least-32-bytes';
const DATES = ['2026-10-15', '2026-12-01'];

let fresh: FreshDatabase;
let server: RunningServer;
let db: pg.Pool;
let demo: DemoSupportSummary;

interface Answer<T> {
  data?: T;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

async function ask<T>(claims: Record<string, unknown>, query: string): Promise<Answer<T>> {
  const token = await mintToken(SECRET, { sub: 'monitoring-test', ...claims });
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query }),
  });
  return (await response.json()) as Answer<T>;
}

const rows = async <T>(text: string, params: unknown[] = []) => (await db.query(text, params)).rows as T[];

beforeAll(async () => {
  fresh = await createFreshDatabase({ seed: 'demo' });
  const built = await buildDemoSupportYearAt(fresh.url, loadConfig({ NODE_ENV: 'test' }));
  if (!built) throw new Error('no demo support year');
  demo = built;
  server = await startTestServerOn(fresh.url, { AUTH_DEV_MODE: '0', AUTH_JWT_SECRET: SECRET });
  db = new pg.Pool({ connectionString: fresh.url, max: 2 });
}, 120_000);
afterAll(async () => {
  await server?.close();
  await db?.end();
  await fresh?.drop();
});

const MONITORING = (
  place: string,
  asOf: string,
) => `{ executionMonitoring(year: 2026, ${place}, asOf: "${asOf}") {
  listId periodStart roadmapIds activities { total DONE IN_PROGRESS PLANNED OVERDUE }
  activityStatuses { id status }
  counts { listedSchools withCurator withPartner }
  events { count participants listedSchoolsReached byKind { kind count participants } }
  schools { code municipality { id } reports { total due submitted done missing { id } }
    documents { DRAFT SUBMITTED APPROVED RETURNED submittedOrApproved required missingRequired }
    curatorAssigned curators { key } partnerAssigned partners { code }
    diagnostics { subject stages { stage share2 n grades } change } lowIndex lowIndexNext lowIndexDelta }
  submissionTracking { school { code } activity { id } } } }`;

type Monitoring = {
  listId: string;
  periodStart: string;
  roadmapIds: string[];
  activities: Record<string, number>;
  activityStatuses: { id: string; status: string }[];
  counts: Record<string, number>;
  events: { count: number; participants: number; listedSchoolsReached: number; byKind: unknown[] };
  schools: {
    code: string;
    reports: { total: number; due: number; submitted: number; done: number; missing: { id: string }[] };
    documents: Record<string, unknown> & { required: string[]; missingRequired: string[] };
    curatorAssigned: boolean;
    curators: { key: string }[];
    partnerAssigned: boolean;
    partners: { code: string }[];
    diagnostics: {
      subject: string;
      stages: { stage: string; share2: number | null; n: number; grades: number[] }[];
      change: number | null;
    }[];
    lowIndex: number | null;
    lowIndexNext: number | null;
    lowIndexDelta: number | null;
  }[];
  submissionTracking: { school: { code: string }; activity: { id: string } }[];
};

async function monitoring(
  place: string,
  asOf: string,
  claims: Record<string, unknown> = { role: 'MINISTRY' },
) {
  const answer = await ask<{ executionMonitoring: Monitoring }>(claims, MONITORING(place, asOf));
  expect(answer.errors, JSON.stringify(answer.errors)).toBeUndefined();
  return answer.data!.executionMonitoring;
}

/** Each activity's status as of D, in SQL: the last record ≤ D (date, then seq), DONE stays, OVERDUE after due. */
const STATUS_SQL = `select a.id::text as id,
    case when x.status = 'DONE' then 'DONE' when a.due is not null and $2::date > a.due then 'OVERDUE'
      else coalesce(x.status, 'PLANNED') end as status
  from activity a join roadmap r on r.id = a.roadmap_id
  left join lateral (select status from activity_status_record s where s.activity_id = a.id and s.date <= $2::date
    order by s.date desc, s.seq desc limit 1) x on true
  where r.municipality_id = $1 and r.list_year = 2026 order by r.id, a.ordinal`;

describe.each(DATES)('the demo municipality as of %s', (asOf) => {
  let answer: Monitoring;
  beforeAll(async () => {
    answer = await monitoring(`municipalityId: "${demo.municipality.id}"`, asOf);
  });

  it('activities: each status and the counts', async () => {
    const expected = await rows<{ id: string; status: string }>(STATUS_SQL, [demo.municipality.id, asOf]);
    expect(answer.activityStatuses).toEqual(expected);
    expect(answer.roadmapIds).toEqual([demo.roadmapId]);
    const count = (s: string) => expected.filter((e) => e.status === s).length;
    expect(answer.activities).toEqual({
      total: expected.length,
      DONE: count('DONE'),
      IN_PROGRESS: count('IN_PROGRESS'),
      PLANNED: count('PLANNED'),
      OVERDUE: count('OVERDUE'),
    });
  });

  it('the listed schools, their curators and partners on the date', async () => {
    const listed = await rows<{ code: string }>(
      `select s.code from shnor_list_entry e join school s on s.id = e.school_id
       where e.list_id = $1 and s.municipality_id = $2 and coalesce(e.decision = 'INCLUDE', e.status = 'ELIGIBLE')
       order by s.code`,
      [demo.listId, demo.municipality.id],
    );
    expect(answer.schools.map((s) => s.code)).toEqual(listed.map((l) => l.code));
    for (const school of answer.schools) {
      const curators = await rows<{ key: string }>(
        `select person_key as key from assignment a join school s on s.id = a.school_id
         where s.code = $1 and a.kind = 'CURATOR' and a.valid_from <= $2 and (a.valid_to is null or a.valid_to >= $2)`,
        [school.code, asOf],
      );
      expect(school.curators).toEqual(curators);
      expect(school.curatorAssigned).toBe(curators.length > 0);
      const partners = await rows<{ code: string }>(
        `select p.code from partnership x join school l on l.id = x.listed_school_id join school p on p.id = x.partner_school_id
         where l.code = $1 and x.valid_from <= $2 and (x.valid_to is null or x.valid_to >= $2) order by p.code`,
        [school.code, asOf],
      );
      expect(school.partners).toEqual(partners);
    }
    expect(answer.counts).toEqual({
      listedSchools: listed.length,
      withCurator: answer.schools.filter((s) => s.curators.length > 0).length,
      withPartner: answer.schools.filter((s) => s.partners.length > 0).length,
    });
  });

  it('reports and the submission tracking', async () => {
    const tracking: { code: string; id: string }[] = [];
    for (const school of answer.schools) {
      const [expected] = await rows<{
        total: number;
        due: number;
        submitted: number;
        done: number;
        missing: string[];
      }>(
        `with own as (
           select a.id, a.due from activity a join roadmap r on r.id = a.roadmap_id join school s on s.municipality_id = r.municipality_id
           where s.code = $1 and r.level = 'MUNICIPALITY' and r.list_year = 2026 and a.requires_school_report),
         latest as (
           select o.id, o.due, (select x.status from activity_report x join school s on s.id = x.school_id
             where x.activity_id = o.id and s.code = $1 and x.date <= $2::date order by x.date desc, x.seq desc limit 1) as status
           from own o)
         select count(*)::int as total, count(*) filter (where due < $2::date)::int as due,
           count(status)::int as submitted, count(*) filter (where status = 'DONE')::int as done,
           coalesce(array_agg(id::text order by id) filter (where due < $2::date and status is null), '{}') as missing
         from latest`,
        [school.code, asOf],
      );
      expect(school.reports).toEqual({ ...expected, missing: expected!.missing.map((id) => ({ id })) });
      tracking.push(...expected!.missing.map((id) => ({ code: school.code, id })));
    }
    expect(answer.submissionTracking.map((t) => ({ code: t.school.code, id: t.activity.id }))).toEqual(
      tracking,
    );
  });

  it('documents as of the date against the required ones of the school’s priority risks', async () => {
    for (const school of answer.schools) {
      const docs = await rows<{ kind: string; risk_factor: number | null; status: string }>(
        `select d.kind, d.risk_factor, x.status from school_document d join school s on s.id = d.school_id
         join lateral (select status from document_status_record r where r.document_id = d.id and r.date <= $2::date
           order by r.date desc, r.seq desc limit 1) x on true
         where s.code = $1 and d.list_year = 2026`,
        [school.code, asOf],
      );
      const count = (s: string) => docs.filter((d) => d.status === s).length;
      const risks = await ask<{ school: { analytics: { riskProfile: { priorityRisks: number[] } | null } } }>(
        { role: 'MINISTRY' },
        `{ school(code: "${school.code}") { analytics(year: 2026) { riskProfile { priorityRisks } } } }`,
      );
      const priority = risks.data!.school.analytics.riskProfile?.priorityRisks ?? [];
      const required = [
        'CONCEPT',
        'MEDIUM_TERM_PROGRAMME',
        ...priority.map((r) => `ANTI_RISK_PROGRAMME:R${r}`),
        'FAILING_STUDENTS_PLAN',
      ];
      const covered = new Set(
        docs
          .filter((d) => d.status === 'SUBMITTED' || d.status === 'APPROVED')
          .map((d) => (d.risk_factor === null ? d.kind : `${d.kind}:R${d.risk_factor}`)),
      );
      expect(school.documents).toEqual({
        DRAFT: count('DRAFT'),
        SUBMITTED: count('SUBMITTED'),
        APPROVED: count('APPROVED'),
        RETURNED: count('RETURNED'),
        submittedOrApproved: count('SUBMITTED') + count('APPROVED'),
        required,
        missingRequired: required.filter((r) => !covered.has(r)),
      });
    }
  });

  it('local diagnostics pooled over the grades in both stages, entrance → intermediate', async () => {
    for (const school of answer.schools) {
      for (const subject of ['RU', 'MA']) {
        const diag = await rows<{
          grade: number;
          stage: string;
          date: string;
          participants: number;
          n2: number;
        }>(
          `select grade, stage, date::text, participants, n2 from diagnostic d join school s on s.id = d.school_id
           where s.code = $1 and subject = $2 and date >= $3::date and date <= $4::date order by date`,
          [school.code, subject, answer.periodStart, asOf],
        );
        const latest = (stage: string) => {
          const byGrade = new Map<number, (typeof diag)[number]>();
          for (const d of diag.filter((r) => r.stage === stage)) byGrade.set(d.grade, d); // ordered by date: the last wins
          return byGrade;
        };
        const entrance = latest('ENTRANCE');
        const intermediate = latest('INTERMEDIATE');
        const grades = [...entrance.keys()].filter((g) => intermediate.has(g)).sort((a, b) => a - b);
        const pool = (m: Map<number, (typeof diag)[number]>) => {
          const n = grades.reduce((sum, g) => sum + m.get(g)!.participants, 0);
          const n2 = grades.reduce((sum, g) => sum + m.get(g)!.n2, 0);
          return { n, share2: n >= 10 ? n2 / n : null };
        };
        const [a, b] = [pool(entrance), pool(intermediate)];
        const got = school.diagnostics.find((d) => d.subject === subject)!;
        expect(got.stages.map((s) => [s.stage, s.n, s.grades])).toEqual([
          ['ENTRANCE', a.n, grades],
          ['INTERMEDIATE', b.n, grades],
        ]);
        if (a.share2 === null) expect(got.stages[0]!.share2).toBeNull();
        else expect(got.stages[0]!.share2).toBeCloseTo(a.share2, 9);
        if (a.share2 === null || b.share2 === null) expect(got.change).toBeNull();
        else expect(got.change).toBeCloseTo(b.share2 - a.share2, 9);
      }
    }
    // the demo writes both stages of grades 5 and 8 by 26 November: the change is there on 1 December
    if (asOf === '2026-12-01')
      expect(answer.schools.every((s) => s.diagnostics.every((d) => d.change !== null))).toBe(true);
  });

  it('events of the place in [W0, D] and lowIndex of the list year', async () => {
    const [events] = await rows<{ count: number; participants: number }>(
      `select count(*)::int as count, coalesce(sum(participants), 0)::int as participants from support_event
       where municipality_id = $1 and date >= $2::date and date <= $3::date`,
      [demo.municipality.id, answer.periodStart, asOf],
    );
    expect({ count: answer.events.count, participants: answer.events.participants }).toEqual(events);
    const list = await ask<{ shnorList: { entries: { nodes: { schoolCode: string; lowIndex: number }[] } } }>(
      { role: 'MINISTRY' },
      `{ shnorList(id: "${demo.listId}") { entries(included: true, first: 100) { nodes { schoolCode lowIndex } } } }`,
    );
    const entries = list.data!.shnorList.entries.nodes;
    for (const school of answer.schools) {
      // the approved list keeps lowIndex as computed for 2026; the demo holds no 2027 yet
      expect(school.lowIndex).toBeCloseTo(entries.find((e) => e.schoolCode === school.code)!.lowIndex, 9);
      expect(school.lowIndexNext).toBeNull();
      expect(school.lowIndexDelta).toBeNull();
    }
  });
});

describe('the region, and who may ask', () => {
  it('a region: every municipality’s roadmap and every listed school of the region', async () => {
    const answer = await monitoring('regionCode: "56"', '2026-12-01', {
      role: 'REGION_ANALYST',
      region: '56',
    });
    const [listed] = await rows<{ n: number }>(
      `select count(*)::int as n from shnor_list_entry e where e.list_id = $1 and coalesce(e.decision = 'INCLUDE', e.status = 'ELIGIBLE')`,
      [demo.listId],
    );
    expect(answer.counts.listedSchools).toBe(listed!.n);
    expect(answer.roadmapIds).toEqual([demo.roadmapId]);
  });

  it.each([
    [{ role: 'MUNICIPAL_ANALYST', municipality: 1 }, 'FORBIDDEN'],
    [{ role: 'REGION_ANALYST', region: '23' }, 'FORBIDDEN'],
    [{ role: 'SCHOOL', school: 'sch560189' }, 'FORBIDDEN'],
    [{ role: 'CURATOR', person: 'curator-1' }, 'FORBIDDEN'],
    [{ role: 'BI_SERVICE', regions: ['56'] }, null],
    [{ role: 'MUNICIPAL_ANALYST', municipality: 15 }, null],
  ])('%j on the demo municipality → %s', async (claims, refused) => {
    const answer = await ask<{ executionMonitoring: { listId: string } }>(
      claims,
      `{ executionMonitoring(year: 2026, municipalityId: "${demo.municipality.id}") { listId } }`,
    );
    if (refused)
      expect(answer.errors?.[0]?.extensions).toMatchObject({ code: refused, action: 'support.monitor' });
    else expect(answer.data?.executionMonitoring.listId).toBe(demo.listId);
  });

  it('exactly one place, a known one', async () => {
    for (const place of ['', 'regionCode: "56", municipalityId: "15"']) {
      const answer = await ask(
        { role: 'MINISTRY' },
        `{ executionMonitoring(year: 2026 ${place ? `, ${place}` : ''}) { listId } }`,
      );
      expect(answer.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    }
    const unknown = await ask(
      { role: 'MINISTRY' },
      `{ executionMonitoring(year: 2026, regionCode: "99") { listId } }`,
    );
    expect(unknown.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', argument: 'regionCode' });
  });
});
