import pg from 'pg';
import { benchDatabaseUrl } from './support/databases.js';
import { benchHeaders, spawnServer } from './support/server-process.js';

/**
 * `npm run bench:monitoring` (issue 13: «the monitoring of a region with 85 municipalities'
 * roadmaps answers in under 300 ms»): on the national seed (`npm run bench:seed`), the region with
 * the most municipalities gets a support year generated here — its 2026 list made and approved
 * through the API, a roadmap of 23 activities per municipality plus the region's own and school
 * roadmaps up to BENCH_ROADMAPS (85), status records, and for each listed school a curator, a
 * partner, documents, reports, diagnostics and events — then `executionMonitoring` of the whole
 * region (every field the test asks for) over HTTP, warm, BENCH_RUNS times: p50 and p95. Re-run:
 * the generated rows are replaced.
 */
const DATABASE_URL = benchDatabaseUrl();
const YEAR = 2026;
const ROADMAPS = Number(process.env.BENCH_ROADMAPS ?? 85);
const RUNS = Number(process.env.BENCH_RUNS ?? 20);
const AS_OF = '2026-12-01';

const QUERY = (place: string) => `{ executionMonitoring(year: ${YEAR}, ${place}, asOf: "${AS_OF}") {
  listId periodStart roadmapIds activities { total DONE IN_PROGRESS PLANNED OVERDUE }
  activityStatuses { id number status due }
  counts { listedSchools withCurator withPartner }
  events { count participants listedSchoolsReached byKind { kind count participants } }
  schools { code name municipality { id name } reports { total due submitted done missing { id number } }
    documents { DRAFT SUBMITTED APPROVED RETURNED submittedOrApproved required missingRequired }
    curators { fullName key } partners { code name }
    diagnostics { subject stages { stage share2 n } change } lowIndex lowIndexNext lowIndexDelta }
  submissionTracking { school { code } activity { id number due status } } } }`;

async function ask<T>(url: string, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: await benchHeaders(),
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: unknown };
  if (body.errors) throw new Error(JSON.stringify(body.errors).slice(0, 500));
  return body.data as T;
}

/** The region's approved list of 2026, made and decided through the API (as the ministry does). */
async function approvedList(url: string, db: pg.Pool, regionCode: string): Promise<string> {
  const [stored] = (
    await db.query<{ id: string }>(
      `select l.id::text from shnor_list l join region r on r.id = l.region_id where r.code = $1 and l.year = $2 and l.status <> 'DRAFT'`,
      [regionCode, YEAR],
    )
  ).rows;
  if (stored) return stored.id;
  await db.query(
    `delete from shnor_list l using region r where r.id = l.region_id and r.code = $1 and l.year = $2`,
    [regionCode, YEAR],
  );
  const { createShnorList } = await ask<{ createShnorList: { id: string } }>(
    url,
    `mutation { createShnorList(year: ${YEAR}, regionCode: "${regionCode}") { id } }`,
  );
  const listId = createShnorList.id;
  const pending = await ask<{ shnorList: { entries: { nodes: { schoolCode: string }[] } } }>(
    url,
    `{ shnorList(id: "${listId}") { entries(needsDecision: true, first: 500) { nodes { schoolCode } } } }`,
  );
  for (const { schoolCode } of pending.shnorList.entries.nodes) {
    await ask(
      url,
      `mutation { setShnorListEntry(listId: "${listId}", schoolCode: "${schoolCode}", decision: INCLUDE,
      justification: "Решение комиссии (бенчмарк): школа включается в программу") { schoolCode } }`,
    );
  }
  await ask(url, `mutation { approveShnorList(listId: "${listId}") { status } }`);
  return listId;
}

/** The support year of the region, in SQL: replaced on every run. */
async function generateSupport(db: pg.Pool, regionId: number, listId: string) {
  await db.query(`delete from roadmap where region_id = $1 and list_year = $2`, [regionId, YEAR]);
  await db.query(`delete from support_event where region_id = $1`, [regionId]);
  await db.query(`delete from assignment where region_id = $1`, [regionId]);
  await db.query(
    `delete from partnership p using school s, municipality m where s.id = p.listed_school_id and m.id = s.municipality_id and m.region_id = $1`,
    [regionId],
  );
  await db.query(
    `delete from school_document d using school s, municipality m where s.id = d.school_id and m.id = s.municipality_id and m.region_id = $1`,
    [regionId],
  );
  await db.query(
    `delete from diagnostic d using school s, municipality m where s.id = d.school_id and m.id = s.municipality_id and m.region_id = $1`,
    [regionId],
  );
  // municipal roadmaps, the region's own, then school roadmaps up to ROADMAPS
  await db.query(
    `insert into roadmap (level, region_id, municipality_id, school_id, list_year, period_start, period_end)
     select 'MUNICIPALITY', $1::int, m.id, null::int, $2::smallint, date '2026-09-01', date '2027-12-31'
     from municipality m where m.region_id = $1::int
     union all select 'REGION', $1::int, null::int, null::int, $2::smallint, date '2026-09-01', date '2027-12-31'`,
    [regionId, YEAR],
  );
  await db.query(
    `insert into roadmap (level, region_id, municipality_id, school_id, list_year, period_start, period_end)
     select 'SCHOOL', $1, s.municipality_id, s.id, $2, '2026-09-01', '2027-08-31'
     from school s join municipality m on m.id = s.municipality_id where m.region_id = $1 order by s.id
     limit greatest(0, $3 - (select count(*) from roadmap where region_id = $1 and list_year = $2))`,
    [regionId, YEAR, ROADMAPS],
  );
  // 23 activities each, due month by month from September 2026; 11–23 need school reports
  await db.query(
    `insert into activity (roadmap_id, ordinal, number, title, deadline_text, deadline_kind, start, due, requires_school_report)
     select r.id, a, a || '.', 'Мероприятие ' || a, 'месяц ' || a, 'MONTHS',
       (date '2026-09-01' + make_interval(months => (a - 1) % 16))::date,
       (date '2026-09-01' + make_interval(months => (a - 1) % 16 + 1) - interval '1 day')::date, a >= 11
     from roadmap r, generate_series(1, 23) a where r.region_id = $1 and r.list_year = $2`,
    [regionId, YEAR],
  );
  await db.query(
    `insert into activity_status_record (activity_id, date, status)
     select a.id, a.start + 5, 'IN_PROGRESS'::text from activity a join roadmap r on r.id = a.roadmap_id
     where r.region_id = $1 and r.list_year = $2 and a.start <= $3::date
     union all select a.id, a.due - 3, 'DONE'::text from activity a join roadmap r on r.id = a.roadmap_id
     where r.region_id = $1 and r.list_year = $2 and a.due <= $3::date and a.ordinal % 3 <> 0`,
    [regionId, YEAR, AS_OF],
  );
  const listed = `select e.school_id, s.municipality_id from shnor_list_entry e join school s on s.id = e.school_id
    where e.list_id = ${Number(listId)} and coalesce(e.decision = 'INCLUDE', e.status = 'ELIGIBLE')`;
  await db.query(
    `insert into assignment (kind, person_full_name, person_key, region_id, municipality_id, school_id, valid_from)
     select 'CURATOR', 'Куратор ' || l.school_id, 'bench-curator-' || l.school_id, $1, l.municipality_id, l.school_id, '2026-09-10'
     from (${listed}) l`,
    [regionId],
  );
  await db.query(
    `insert into partnership (listed_school_id, partner_school_id, valid_from)
     select l.school_id, (select s.id from school s where s.municipality_id = l.municipality_id and s.id <> l.school_id order by s.id limit 1), '2026-09-15'
     from (${listed}) l`,
  );
  await db.query(
    `with docs as (
       insert into school_document (school_id, list_year, kind, risk_factor, title)
       select l.school_id, $1, k.kind, k.factor, k.kind from (${listed}) l,
         (values ('CONCEPT', null::smallint), ('ANTI_RISK_PROGRAMME', 3::smallint)) as k(kind, factor)
       returning id)
     insert into document_status_record (document_id, date, status, actor)
     select id, d.date, d.status, 'bench' from docs, (values ('2026-10-01'::date, 'DRAFT'), ('2026-10-10'::date, 'SUBMITTED')) as d(date, status)`,
    [YEAR],
  );
  await db.query(
    `insert into activity_report (activity_id, school_id, date, status)
     select a.id, l.school_id, a.due - 1, 'DONE' from (${listed}) l
     join roadmap r on r.municipality_id = l.municipality_id and r.level = 'MUNICIPALITY' and r.list_year = $1
     join activity a on a.roadmap_id = r.id and a.requires_school_report and a.due <= $2::date and a.ordinal % 2 = 0`,
    [YEAR, AS_OF],
  );
  await db.query(
    `insert into diagnostic (school_id, grade, subject, stage, date, participants, n2, n3, n4, n5)
     select l.school_id, g, subj, st, case st when 'ENTRANCE' then date '2026-09-18' else date '2026-11-26' end,
       24, case st when 'ENTRANCE' then 6 else 4 end, 10, case st when 'ENTRANCE' then 6 else 8 end, 2
     from (${listed}) l, (values (5), (8)) as gr(g), (values ('RU'), ('MA')) as su(subj), (values ('ENTRANCE'), ('INTERMEDIATE')) as sg(st)`,
  );
  await db.query(
    `with e as (insert into support_event (kind, date, level, region_id, municipality_id, title, participants)
       select 'SEMINAR', date '2026-09-20' + k * 7, 'MUNICIPALITY', $1, m.id, 'Семинар ' || k, 20 + k
       from municipality m, generate_series(1, 10) k where m.region_id = $1 returning id, municipality_id)
     insert into support_event_school (event_id, school_id)
     select e.id, l.school_id from e join (${listed}) l on l.municipality_id = e.municipality_id`,
    [regionId],
  );
}

const percentile = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)]!;

const db = new pg.Pool({ connectionString: DATABASE_URL, max: 2 });
const server = await spawnServer({ DATABASE_URL }, 4420);
try {
  const [region] = (
    await db.query<{ id: number; code: string; municipalities: number; schools: number }>(
      `select r.id, r.code, count(distinct m.id)::int as municipalities, count(s.id)::int as schools
       from region r join municipality m on m.region_id = r.id join school s on s.municipality_id = m.id
       group by r.id order by municipalities desc, r.code limit 1`,
    )
  ).rows;
  const started = performance.now();
  const listId = await approvedList(server.url, db, region!.code);
  await generateSupport(db, region!.id, listId);
  const prepared = Math.round(performance.now() - started);
  const sizes = (
    await db.query(
      `select (select count(*) from roadmap where region_id = $1 and list_year = $2)::int as roadmaps,
         (select count(*) from activity a join roadmap r on r.id = a.roadmap_id where r.region_id = $1 and r.list_year = $2)::int as activities,
         (select count(*) from activity_report x join school s on s.id = x.school_id join municipality m on m.id = s.municipality_id where m.region_id = $1)::int as reports`,
      [region!.id, YEAR],
    )
  ).rows[0];
  const time = async (place: string) => {
    const t0 = performance.now();
    const data = await ask<{ executionMonitoring: { schools: unknown[]; submissionTracking: unknown[] } }>(
      server.url,
      QUERY(place),
    );
    return { ms: performance.now() - t0, data: data.executionMonitoring };
  };
  const first = await time(`regionCode: "${region!.code}"`); // cold: the year's analytics are built once
  await time(`regionCode: "${region!.code}"`);
  const runs: number[] = [];
  for (let i = 0; i < RUNS; i += 1) runs.push((await time(`regionCode: "${region!.code}"`)).ms);
  const [municipality] = (
    await db.query<{ id: number }>(`select id from municipality where region_id = $1 order by id limit 1`, [
      region!.id,
    ])
  ).rows;
  const municipal: number[] = [];
  for (let i = 0; i < RUNS; i += 1) municipal.push((await time(`municipalityId: "${municipality!.id}"`)).ms);
  console.log(
    JSON.stringify(
      {
        date: new Date().toISOString(),
        region: {
          ...region,
          listId,
          ...sizes,
          listedSchools: first.data.schools.length,
          missingReports: first.data.submissionTracking.length,
        },
        preparedMs: prepared,
        firstMs: Math.round(first.ms),
        region85: {
          runs: RUNS,
          p50: +percentile(runs, 50).toFixed(1),
          p95: +percentile(runs, 95).toFixed(1),
        },
        oneMunicipality: {
          p50: +percentile(municipal, 50).toFixed(1),
          p95: +percentile(municipal, 95).toFixed(1),
        },
      },
      null,
      2,
    ),
  );
} finally {
  await server.stop();
  await db.end();
}
