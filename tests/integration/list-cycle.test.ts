import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDemoSupportYearAt, type DemoSupportSummary } from '../../api/demo/support-year.js';
import { type RunningServer } from '../../api/server.js';
import { loadConfig } from '../../config/settings.js';
import { createFreshDatabase, type FreshDatabase } from '../support/fresh-database.js';
import { graphql } from '../support/graphql-client.js';
import { importBytes } from '../support/import.js';
import { type Ask, clientAs } from '../support/list-workflow.js';
import { startTestServerOn } from '../support/server.js';

/**
 * «The cycle closed» (issue 13 item 5) over real HTTP on the demo's support year (municipality 15,
 * list 1 of 2026 approved, roadmap, curators, partners, documents): 2027's results arrive — 2026's
 * files again, one supported school's made flawless so it leaves the list —, the list of 2027 is
 * made, its entries' `support` is checked against SQL over the support tables, it is approved, and
 * the diff's exitedAfterSupport / stayedDespiteSupport are checked the same way; then the scopes.
 */
const SECRET = 'list-cycle-test-secret-of-at-least-32-bytes';
const SUPPORT = `support { listId listYear from asOf roadmapIds activitiesTotal activitiesDone roadmapCompletion
  curatorAssigned curators { key } partnerAssigned partners { code } supported change
  documents { submittedOrApproved approved required missingRequired } }`;

let fresh: FreshDatabase;
let server: RunningServer;
let db: pg.Pool;
let demo: DemoSupportSummary;
let ministry: Ask;
let leaver: string;
let listId: string;
let asOf: string;

const rows = async <T>(text: string, params: unknown[] = []) => (await db.query(text, params)).rows as T[];

async function data<T>(ask: Ask, query: string): Promise<T> {
  const answer = await ask<T, object>(query);
  expect(answer.errors, JSON.stringify(answer.errors)).toBeUndefined();
  return answer.data as T;
}

/** 2026's rows of region 56 as a 2027 file of `kind`; the leaver's with no «2» and nobody below the minimum. */
async function file2027(kind: 'vpr' | 'oge' | 'ege'): Promise<string> {
  const table = `${kind}_result`;
  const marks = kind === 'ege' ? 'r.below_min' : 'r.n2, r.n3, r.n4, r.n5';
  const found = await rows<Record<string, number | string>>(
    `select s.code, ${kind === 'vpr' ? 'r.grade,' : ''} r.subject, r.participants, ${marks} from ${table} r
     join school s on s.id = r.school_id join municipality m on m.id = s.municipality_id
     join region g on g.id = m.region_id where g.code = '56' and r.year = 2026 order by 1, 2, 3`,
  );
  const header = {
    vpr: 'Год;Логин;Класс;Предмет;Кол-во участников;2;3;4;5',
    oge: 'Год;Логин;Предмет;Кол-во участников;2;3;4;5',
    ege: 'Год;Логин;Предмет;Кол-во участников;Не преодолели минимальный порог',
  }[kind];
  const line = (r: Record<string, number | string>) => {
    const flawless = r.code === leaver;
    const key = kind === 'vpr' ? [r.grade] : [];
    if (kind === 'ege') return [2027, r.code, r.subject, r.participants, flawless ? 0 : r.below_min];
    const [n2, n3] = flawless ? [0, Number(r.n2) + Number(r.n3)] : [r.n2, r.n3];
    return [2027, r.code, ...key, r.subject, r.participants, n2, n3, r.n4, r.n5];
  };
  return [header, ...found.map((r) => line(r).join(';'))].join('\n');
}

beforeAll(async () => {
  fresh = await createFreshDatabase({ seed: 'demo' });
  const built = await buildDemoSupportYearAt(fresh.url, loadConfig({ NODE_ENV: 'test' }));
  if (!built) throw new Error('no demo support year');
  demo = built;
  db = new pg.Pool({ connectionString: fresh.url, max: 2 });
  leaver = [...demo.schools.map((s) => s.code)].sort()[0]!;
  for (const kind of ['vpr', 'oge', 'ege'] as const) {
    const report = await importBytes(fresh.url, kind, await file2027(kind), `${kind}-2027-56.csv`);
    if (report.status !== 'ACCEPTED') throw new Error(`${kind}: ${JSON.stringify(report.errors)}`);
  }
  server = await startTestServerOn(fresh.url, {
    AUTH_DEV_MODE: '0',
    AUTH_JWT_SECRET: SECRET,
    PUBLIC_ACCESS: '1',
  });
  ministry = await clientAs(server.url, SECRET, { role: 'MINISTRY', sub: 'list-cycle-test' });
  const created = await data<{ createShnorList: { id: string; previousListId: string } }>(
    ministry,
    `mutation { createShnorList(year: 2027, regionCode: "56") { id previousListId } }`,
  );
  listId = created.createShnorList.id;
  expect(created.createShnorList.previousListId).toBe(demo.listId);
  const [day] = await rows<{ asOf: string }>(
    `select (l.created_at at time zone g.time_zone)::date::text as "asOf" from shnor_list l
     join region g on g.id = l.region_id where l.id = $1`,
    [listId],
  );
  asOf = day!.asOf;
}, 240_000);
afterAll(async () => {
  await server?.close();
  await db?.end();
  await fresh?.drop();
});

/** Each school's support in SQL, from the tables: the rules of the README, restated independently. */
async function expectedSupport(schoolCode: string) {
  const [place] = await rows<{ schoolId: number; municipalityId: number }>(
    `select id as "schoolId", municipality_id as "municipalityId" from school where code = $1`,
    [schoolCode],
  );
  const { schoolId, municipalityId } = place!;
  const [activities] = await rows<{ total: number; done: number; roadmaps: string[] }>(
    `select count(a.id)::int as total, count(a.id) filter (where x.status = 'DONE')::int as done,
       coalesce(array_agg(distinct r.id::text), '{}') as roadmaps
     from roadmap r left join activity a on a.roadmap_id = r.id
     left join lateral (select status from activity_status_record s where s.activity_id = a.id
       and s.date <= $2::date order by s.date desc, s.seq desc limit 1) x on true
     where r.level = 'MUNICIPALITY' and r.list_year = 2026 and r.municipality_id = $1`,
    [municipalityId, asOf],
  );
  const held = `valid_from <= $2::date and (valid_to is null or valid_to >= '2026-09-01')`;
  const curators = await rows<{ key: string }>(
    `select distinct person_key as key from assignment where kind = 'CURATOR' and school_id = $1 and ${held} order by 1`,
    [schoolId, asOf],
  );
  const partners = await rows<{ code: string }>(
    `select distinct s.code from partnership p join school s on s.id = p.partner_school_id
     where p.listed_school_id = $1 and p.${held.replace('(valid_to', '(p.valid_to')} order by 1`,
    [schoolId, asOf],
  );
  const [documents] = await rows<{ submitted: number; approved: number }>(
    `select count(*) filter (where st in ('SUBMITTED', 'APPROVED'))::int as submitted,
       count(*) filter (where st = 'APPROVED')::int as approved
     from (select (select r.status from document_status_record r where r.document_id = d.id and r.date <= $2::date
       order by r.date desc, r.seq desc limit 1) as st from school_document d where d.school_id = $1 and d.list_year = 2026) t`,
    [schoolId, asOf],
  );
  const a = activities!;
  return {
    listId: demo.listId,
    listYear: 2026,
    from: '2026-09-01',
    asOf,
    roadmapIds: a.roadmaps.filter((r) => r !== null).sort(),
    activitiesTotal: a.total,
    activitiesDone: a.done,
    roadmapCompletion: a.total ? Math.round((a.done / a.total) * 1e12) / 1e12 : null,
    curatorAssigned: curators.length > 0,
    curators,
    partnerAssigned: partners.length > 0,
    partners,
    supported: a.roadmaps.length > 0 || curators.length > 0 || partners.length > 0,
    documents: { submittedOrApproved: documents!.submitted, approved: documents!.approved },
  };
}

interface Support {
  roadmapIds: string[];
  change: number | null;
  supported: boolean;
  documents: { submittedOrApproved: number; missingRequired: string[] };
  [field: string]: unknown;
}
interface Entry {
  schoolCode: string;
  previouslyListed: boolean;
  exitCandidate: boolean;
  status: string;
  needsDecision: boolean;
  lowIndex: number | null;
  previousLowIndex: number | null;
  support: Support | null;
}
const ENTRIES = (first: number) => `{ shnorList(id: "LIST") { entries(first: ${first}) { nodes {
  schoolCode previouslyListed exitCandidate status needsDecision lowIndex previousLowIndex ${SUPPORT} } } } }`;
const entriesOf = async (ask: Ask, first = 500) =>
  (await data<{ shnorList: { entries: { nodes: Entry[] } } }>(ask, ENTRIES(first).replace('LIST', listId)))
    .shnorList.entries.nodes;

/** What executionMonitoring says of the demo municipality's schools on D: the documents' own figures. */
async function monitored() {
  const answer = await data<{
    executionMonitoring: { schools: { code: string; documents: Record<string, unknown> }[] };
  }>(
    ministry,
    `{ executionMonitoring(year: 2026, municipalityId: "${demo.municipality.id}", asOf: "${asOf}") {
      schools { code documents { submittedOrApproved approved: APPROVED required missingRequired } } } }`,
  );
  return new Map(answer.executionMonitoring.schools.map((s) => [s.code, s.documents]));
}

const changeOf = (e: Entry) =>
  e.lowIndex === null || e.previousLowIndex === null
    ? null
    : Math.round((e.lowIndex - e.previousLowIndex) * 1e12) / 1e12;

describe('the draft list of 2027 shows the support of 2026', () => {
  it('gives every school of list 1 its support, checked in SQL, and none to the others', async () => {
    const entries = await entriesOf(ministry);
    const documents = await monitored();
    expect(entries.length).toBeGreaterThan(200);
    for (const e of entries) {
      if (!e.previouslyListed) {
        expect(e.support, e.schoolCode).toBeNull();
        continue;
      }
      expect(e.support, e.schoolCode).toMatchObject(await expectedSupport(e.schoolCode));
      expect(e.support!.change).toBeCloseTo(changeOf(e) ?? Number.NaN, 12);
      const own = documents.get(e.schoolCode);
      if (own) expect(e.support!.documents).toEqual(own);
    }
    const ofDemo = entries.filter((e) => demo.schools.some((s) => s.code === e.schoolCode));
    expect(ofDemo).toHaveLength(demo.schools.length);
    expect(ofDemo.every((e) => e.support?.supported && e.support.roadmapIds.length === 1)).toBe(true);
    expect(ofDemo.find((e) => e.schoolCode === leaver)).toMatchObject({ exitCandidate: true });
  });

  it('costs the same statements for 250 entries as for 5', async () => {
    const ask = async (first: number) =>
      (await ministry(ENTRIES(first).replace('LIST', listId))).extensions?.sqlStatements;
    await ask(5); // the cached analytics of the years warm
    const [small, large] = [await ask(5), await ask(250)];
    expect(small).toBeGreaterThan(0);
    expect(large).toBe(small);
  });
});

const INCLUDED = `(decision = 'INCLUDE' or (decision is null and status = 'ELIGIBLE'))`;
/** The diff's support sets in SQL: included in list 1 and supported in 2026, then out of / on list 2. */
const SUPPORTED_SQL = (onTo: boolean) => `select e.school_code as code from shnor_list_entry e
  where e.list_id = $1 and ${INCLUDED.replace(/(decision|status)/g, 'e.$1')}
    and ${onTo ? '' : 'not '}exists (select 1 from shnor_list_entry t where t.list_id = $2 and t.school_id = e.school_id
      and ${INCLUDED.replace(/(decision|status)/g, 't.$1')})
    and (exists (select 1 from roadmap r where r.level = 'MUNICIPALITY' and r.list_year = 2026
           and r.municipality_id = e.municipality_id)
      or exists (select 1 from assignment a where a.kind = 'CURATOR' and a.school_id = e.school_id
           and a.valid_from <= $3::date and (a.valid_to is null or a.valid_to >= '2026-09-01'))
      or exists (select 1 from partnership p where p.listed_school_id = e.school_id
           and p.valid_from <= $3::date and (p.valid_to is null or p.valid_to >= '2026-09-01')))
  order by e.school_code`;

const DIFF = () => `{ shnorListDiff(from: "${demo.listId}", to: "${listId}") {
  exited { schoolCode } stayed { schoolCode }
  exitedAfterSupport { schoolCode ${SUPPORT} } stayedDespiteSupport { schoolCode ${SUPPORT} } } }`;
interface Diff {
  exited: { schoolCode: string }[];
  stayed: { schoolCode: string }[];
  exitedAfterSupport: { schoolCode: string; support: Support }[];
  stayedDespiteSupport: { schoolCode: string; support: Support }[];
}
const diffOf = async (ask: Ask) => (await data<{ shnorListDiff: Diff }>(ask, DIFF())).shnorListDiff;

describe('approved, the diff names who left after support and who stayed despite it', () => {
  beforeAll(async () => {
    for (const e of (await entriesOf(ministry)).filter((x) => x.needsDecision)) {
      const decision = e.status === 'REVIEW' ? 'INCLUDE' : 'EXCLUDE';
      await data(
        ministry,
        `mutation { setShnorListEntry(listId: "${listId}", schoolCode: "${e.schoolCode}", decision: ${decision},
          justification: "Решение комиссии по итогам года сопровождения") { schoolCode } }`,
      );
    }
    await data(ministry, `mutation { approveShnorList(listId: "${listId}") { status } }`);
  });

  it('matches SQL, with each school’s support as on its entry', async () => {
    const diff = await diffOf(ministry);
    const params = [demo.listId, listId, asOf];
    const exited = (await rows<{ code: string }>(SUPPORTED_SQL(false), params)).map((r) => r.code);
    const stayed = (await rows<{ code: string }>(SUPPORTED_SQL(true), params)).map((r) => r.code);
    expect(diff.exitedAfterSupport.map((e) => e.schoolCode).sort()).toEqual(exited);
    expect(diff.stayedDespiteSupport.map((e) => e.schoolCode).sort()).toEqual(stayed);
    expect(exited).toContain(leaver);
    expect(stayed.length).toBeGreaterThan(0);
    expect(diff.exited.map((e) => e.schoolCode)).toEqual(expect.arrayContaining(exited));
    const entries = new Map((await entriesOf(ministry)).map((e) => [e.schoolCode, e]));
    for (const e of [...diff.exitedAfterSupport, ...diff.stayedDespiteSupport]) {
      expect(e.support, e.schoolCode).toEqual(entries.get(e.schoolCode)!.support);
      expect(e.support).toMatchObject(await expectedSupport(e.schoolCode));
    }
  });

  it('shows a municipal analyst the support of its own schools only, PUBLIC none', async () => {
    const own = await clientAs(server.url, SECRET, {
      role: 'MUNICIPAL_ANALYST',
      municipality: demo.municipality.id,
      sub: 'coordinator',
    });
    const ownEntries = await entriesOf(own);
    const ministryEntries = new Map((await entriesOf(ministry)).map((e) => [e.schoolCode, e]));
    const [count] = await rows<{ n: number }>(
      `select count(*)::int as n from shnor_list_entry where list_id = $1 and municipality_id = $2`,
      [listId, demo.municipality.id],
    );
    expect(ownEntries).toHaveLength(count!.n);
    for (const e of ownEntries) expect(e.support).toEqual(ministryEntries.get(e.schoolCode)!.support);
    const ownDiff = await diffOf(own);
    const all = await diffOf(ministry);
    const codes = new Set(ownEntries.map((e) => e.schoolCode));
    expect(ownDiff.exitedAfterSupport).toEqual(all.exitedAfterSupport.filter((e) => codes.has(e.schoolCode)));
    expect(ownDiff.stayedDespiteSupport).toEqual(
      all.stayedDespiteSupport.filter((e) => codes.has(e.schoolCode)),
    );

    const other = await clientAs(server.url, SECRET, {
      role: 'MUNICIPAL_ANALYST',
      municipality: 13,
      sub: 'other',
    });
    const otherEntries = await entriesOf(other);
    expect(otherEntries.length).toBeGreaterThan(0);
    expect(otherEntries.some((e) => codes.has(e.schoolCode))).toBe(false);
    expect((await diffOf(other)).exitedAfterSupport.some((e) => codes.has(e.schoolCode))).toBe(false);

    const publicList = await graphql(server.url, ENTRIES(500).replace('LIST', listId));
    expect(publicList.errors).toBeUndefined();
    expect(publicList.data).toEqual({ shnorList: null });
    const publicDiff = await graphql(server.url, DIFF());
    expect(publicDiff.data ?? null).toBeNull();
    expect(publicDiff.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
