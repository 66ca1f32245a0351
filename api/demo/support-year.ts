import { type MikroORM } from '@mikro-orm/postgresql';
import { DEFAULT_METHODOLOGY, ensureDefaultMethodology } from '../../analytics/sql/methodologies.js';
import { type Config } from '../../config/settings.js';
import { knexQueryable } from '../../db/knex-queryable.js';
import { type Queryable } from '../../db/queryable.js';
import { sql, type Sql } from '../../db/sql.js';
import { Role, type Viewer } from '../../db/viewer.js';
import { openDatabase } from '../../schema/database.js';
import {
  AssignmentKind,
  DiagnosticStage,
  DiagnosticSubject,
  EventLevel,
  RoadmapLevel,
} from '../../schema/enums.js';
import { DEFAULT_SEED } from '../../seeds/model.js';
import { hashString, Random, streamKey } from '../../seeds/random.js';
import { type Context, createContext } from '../context.js';
import { AnalyticsCache } from '../services/analytics/cache.js';
import { resolveMethodology } from '../services/analytics/methodology.js';
import { riskYear } from '../services/analytics/risk.service.js';
import { approveList, setEntryDecision } from '../services/lists/change-list.js';
import { createList } from '../services/lists/create-list.js';
import { frozenListOf, readEntries } from '../services/lists/list-store.js';
import { isIncluded, needsDecision } from '../services/lists/rules.js';
import { reportActivity } from '../services/support/activity-reports.service.js';
import { assignCoordinator, assignCurator } from '../services/support/assignments.service.js';
import { createBestPractice, publishBestPractice } from '../services/support/best-practices.service.js';
import { recordDiagnostic } from '../services/support/diagnostics.service.js';
import { createSchoolDocument, moveSchoolDocument } from '../services/support/documents.service.js';
import { createSupportEvent } from '../services/support/events.service.js';
import { createSupportOrder } from '../services/support/orders.service.js';
import { partnerSuggestions } from '../services/support/partner-suggestions.service.js';
import { acceptPartnerSuggestion } from '../services/support/partnerships.service.js';
import { importRoadmap } from '../services/support/roadmap-import.service.js';
import { todayIn } from '../services/support/roadmap-read.service.js';
import { recordActivityStatus } from '../services/support/roadmap-status.service.js';
import { addWorkingGroupMember, createWorkingGroup } from '../services/support/working-groups.service.js';
import {
  ACTIVITY_RECORDS,
  COORDINATOR,
  curatorOf,
  type Day,
  dayOf,
  DEMO_REGION_CODE,
  DIAGNOSTIC_DAYS,
  DIAGNOSTIC_GRADES,
  DOCUMENTS,
  educationDepartment,
  EVENTS,
  MUNICIPAL_ORDER,
  PRACTICES,
  REGIONAL_ORDER,
  roadmapText,
  SCHOOL_REPORTS,
  SUPPORT_STARTS,
  WORKING_GROUP,
} from './plan.js';

/**
 * The demo's support year (issue 12 item 9): one municipality of region 56 through a whole year of
 * SUPPORT-V1, written through the services as the role that does each thing — the ministry makes
 * and approves the ШНОР list of the demo's latest year; the region analyst its order and webinar;
 * the municipal analyst the order, the roadmap of seed 001 and its status records, the working
 * group, the coordinator and the curators, the partnerships (accepted partner suggestions), the
 * seminar and the meeting; each listed school its documents, diagnostics, reports and a practice;
 * each curator approves or returns its school's documents. So every permission, check and audit
 * entry of the services holds (README: The demo's support year).
 *
 * Deterministic: the content is api/demo/plan.ts, its dates days of the list year; the only dates
 * of today are those the services set themselves (a document's status records are dated the day
 * they are made) and the «not after today» check of status records and reports, which skips what
 * is dated after today (nothing, once the list year's November is over).
 *
 * Idempotent: every item is looked up before it is written, so a second run writes nothing and a
 * run cut short is completed by the next; once the last item (the published practice) exists, a
 * run only reads the summary.
 */

export interface DemoSchool {
  code: string;
  name: string;
  curatorKey: string;
}

export interface DemoSupportSummary {
  /** False when nothing was written (already there), or when the database has no region 56. */
  built: boolean;
  listYear: number;
  listId: string;
  municipality: { id: number; name: string };
  roadmapId: string;
  activities: number;
  coordinatorKey: string;
  schools: DemoSchool[];
  partnerships: number;
  /** What was written by this run (0 when already there). */
  writes: number;
  /** Records and reports dated after today, not written (a clock before the demo's November). */
  skippedAsFuture: number;
  milliseconds: number;
}

const MINISTRY: Viewer = { id: 'demo:ministry', role: Role.MINISTRY, scope: { kind: 'ALL' } };

interface Place {
  regionId: number;
  regionCode: string;
  timeZone: string;
  municipalityId: number;
  municipalityName: string;
}

interface ListedSchool {
  id: number;
  code: string;
  name: string;
  n: number;
}

const one = async <T extends object>(db: Queryable, statement: Sql): Promise<T | null> =>
  (await db.query<T>(statement))[0] ?? null;

const exists = async (db: Queryable, statement: Sql): Promise<boolean> =>
  Boolean(await one<{ x: number }>(db, sql`select 1 as x where exists (${statement})`));

/** Builds (or completes, or finds) the demo's support year over an open ORM. */
export async function buildDemoSupportYear(
  orm: MikroORM,
  config: Config,
): Promise<DemoSupportSummary | null> {
  const started = performance.now();
  const db = knexQueryable(orm.em.getKnex());
  // the same analytics are asked for several times (suggestions per school, risks): kept even with ANALYTICS_CACHE_SIZE=0
  const cache = new AnalyticsCache(Math.max(config.analyticsCacheSize, 4));
  const as = (viewer: Viewer): Context =>
    createContext(db, () => orm.em.fork(), config, viewer, { count: 0 }, cache);
  let writes = 0;
  let skippedAsFuture = 0;
  const wrote = async <T>(write: Promise<T>): Promise<T> => {
    const result = await write;
    writes += 1;
    return result;
  };

  await ensureDefaultMethodology(db);
  const region = await one<{ id: number; code: string; timeZone: string }>(
    db,
    sql`select id, code, time_zone as "timeZone" from region where code = ${DEMO_REGION_CODE}`,
  );
  if (!region) return null;
  const latest = await one<{ year: number | null }>(
    db,
    sql`select max(v.year)::int as year from vpr_result v where v.school_id in
      (select s.id from school s join municipality m on m.id = s.municipality_id where m.region_id = ${region.id})`,
  );
  if (!latest?.year) return null;
  const listYear = latest.year;
  const on = (day: Day) => dayOf(listYear, day);
  const today = todayIn(region.timeZone);

  // 1. The ШНОР list of the list year, made and approved by the ministry (or the one approved already).
  let listId = await frozenListOf(db, listYear, region.id);
  if (!listId) {
    listId = await makeList(as, db, listYear);
    writes += 1;
  }
  const included = (await readEntries(db, [listId])).filter(isIncluded);

  // The municipality with the most listed schools (the lowest id of a tie).
  const municipalities = await db.query<{ id: number; name: string }>(
    sql`select id, name from municipality where region_id = ${region.id} order by id`,
  );
  const listedIn = (id: number) => included.filter((e) => e.municipalityId === id).length;
  const chosen = [...municipalities].sort((a, b) => listedIn(b.id) - listedIn(a.id) || a.id - b.id)[0];
  if (!chosen || listedIn(chosen.id) === 0) return null;
  const place: Place = {
    regionId: region.id,
    regionCode: region.code,
    timeZone: region.timeZone,
    municipalityId: chosen.id,
    municipalityName: chosen.name,
  };
  const listed: ListedSchool[] = included
    .filter((e) => e.municipalityId === place.municipalityId)
    .sort((a, b) => (a.schoolCode < b.schoolCode ? -1 : a.schoolCode > b.schoolCode ? 1 : 0))
    .map((e, i) => ({ id: e.schoolId, code: e.schoolCode, name: e.schoolName, n: i + 1 }));

  const regionAnalyst: Viewer = {
    id: `demo:region-${region.code}`,
    role: Role.REGION_ANALYST,
    scope: { kind: 'REGIONS', regionIds: [region.id] },
  };
  const municipal: Viewer = {
    id: `demo:${COORDINATOR.key}`,
    role: Role.MUNICIPAL_ANALYST,
    scope: { kind: 'MUNICIPALITIES', municipalityIds: [place.municipalityId] },
  };
  const schoolViewer = (s: ListedSchool | { id: number; code: string }): Viewer => ({
    id: `demo:school-${s.code}`,
    role: Role.SCHOOL,
    scope: { kind: 'SCHOOLS', schoolIds: [s.id] },
  });
  const curatorViewer = (s: ListedSchool): Viewer => ({
    id: `demo:${curatorOf(s.n).key}`,
    role: Role.CURATOR,
    scope: { kind: 'SCHOOLS', schoolIds: [s.id] },
  });

  const orderDate = on(MUNICIPAL_ORDER.day);
  const findOrder = (municipalityId: number | null, number: string, date: string) =>
    one<{ id: string }>(
      db,
      sql`select id::text as id from support_order where region_id = ${region.id}
        and municipality_id is not distinct from ${municipalityId}::int and number = ${number} and date = ${date}::date
        order by id limit 1`,
    );
  const findRoadmap = async (orderId: string) =>
    (
      await one<{ id: string }>(
        db,
        sql`select id::text as id from roadmap where level = 'MUNICIPALITY' and municipality_id = ${place.municipalityId}
          and list_year = ${listYear} and approving_order_id = ${orderId}::bigint order by id limit 1`,
      )
    )?.id ?? null;
  // Done: the last write (the published practice) is there, and no record or report was left for a later day.
  const plannedRecords = Object.values(ACTIVITY_RECORDS).flat().length;
  const plannedReports = SCHOOL_REPORTS.length * listed.length;
  const allDone = async (id: string) => {
    const found = await one<{ published: boolean; records: number; reports: number }>(
      db,
      sql`select exists (select from best_practice where title = ${PRACTICES.partner.title} and published) as published,
        (select count(*)::int from activity_status_record x join activity a on a.id = x.activity_id where a.roadmap_id = ${id}::bigint) as records,
        (select count(*)::int from activity_report x join activity a on a.id = x.activity_id where a.roadmap_id = ${id}::bigint) as reports`,
    );
    return Boolean(found?.published && found.records >= plannedRecords && found.reports >= plannedReports);
  };

  let roadmapId: string | null = null;
  const municipalOrder = await findOrder(place.municipalityId, MUNICIPAL_ORDER.number, orderDate);
  if (municipalOrder) roadmapId = await findRoadmap(municipalOrder.id);

  if (!roadmapId || !(await allDone(roadmapId))) {
    // 2. The orders: the region's, and the municipality's on its basis.
    const regionalDate = on(REGIONAL_ORDER.day);
    const regionalOrderId =
      (await findOrder(null, REGIONAL_ORDER.number, regionalDate))?.id ??
      (
        await wrote(
          createSupportOrder(as(regionAnalyst), {
            number: REGIONAL_ORDER.number,
            date: new Date(`${regionalDate}T00:00:00Z`),
            issuer: REGIONAL_ORDER.issuer,
            regionCode: region.code,
            title: REGIONAL_ORDER.title,
          }),
        )
      ).id;
    const orderId =
      municipalOrder?.id ??
      (
        await wrote(
          createSupportOrder(as(municipal), {
            number: MUNICIPAL_ORDER.number,
            date: new Date(`${orderDate}T00:00:00Z`),
            issuer: educationDepartment(place.municipalityName),
            regionCode: region.code,
            municipalityId: String(place.municipalityId),
            title: MUNICIPAL_ORDER.title,
            basisOrderId: regionalOrderId,
          }),
        )
      ).id;

    // 3. The roadmap of seed 001, approved by that order (§3: 23 activities).
    roadmapId =
      (await findRoadmap(orderId)) ??
      (
        await wrote(
          importRoadmap(as(municipal), {
            text: roadmapText(listYear),
            level: RoadmapLevel.MUNICIPALITY,
            regionCode: region.code,
            municipality: String(place.municipalityId),
            listYear,
            order: { number: MUNICIPAL_ORDER.number, date: orderDate },
          }),
        )
      ).roadmap.id;
    const activities = new Map(
      (
        await db.query<{ id: string; ordinal: number }>(
          sql`select id::text as id, ordinal from activity where roadmap_id = ${roadmapId}::bigint order by ordinal`,
        )
      ).map((a) => [a.ordinal, a.id]),
    );

    // 4. Status records of the activities (append-only: each written once).
    for (const [ordinal, records] of Object.entries(ACTIVITY_RECORDS)) {
      const activityId = activities.get(Number(ordinal));
      if (!activityId) continue;
      for (const record of records) {
        const date = on(record.day);
        if (date > today) {
          skippedAsFuture += 1;
          continue;
        }
        const done = await exists(
          db,
          sql`select from activity_status_record where activity_id = ${activityId}::bigint
            and date = ${date}::date and status = ${record.status}`,
        );
        if (done) continue;
        await wrote(
          recordActivityStatus(as(municipal), {
            activityId,
            date,
            status: record.status,
            note: record.note ?? null,
            evidenceUrl: record.evidenceUrl ?? null,
          }),
        );
      }
    }

    // 5. The working group of the order.
    const groupId =
      (
        await one<{ id: string }>(
          db,
          sql`select id::text as id from working_group where municipality_id = ${place.municipalityId}
            and name = ${WORKING_GROUP.name} order by id limit 1`,
        )
      )?.id ??
      (
        await wrote(
          createWorkingGroup(as(municipal), {
            name: WORKING_GROUP.name,
            regionCode: region.code,
            municipalityId: String(place.municipalityId),
            orderId,
          }),
        )
      ).id;
    for (const member of WORKING_GROUP.members) {
      const there = await exists(
        db,
        sql`select from working_group_member where working_group_id = ${groupId}::bigint
          and full_name = ${member.fullName} and role = ${member.role}`,
      );
      if (there) continue;
      const organisation = member.organisation ?? educationDepartment(place.municipalityName);
      await wrote(addWorkingGroupMember(as(municipal), groupId, { ...member, organisation }));
    }

    // 6. The coordinator and a curator per listed school, from the order's date, open-ended.
    const from = on(SUPPORT_STARTS);
    const assigned = (kind: AssignmentKind, key: string, schoolId: number | null) =>
      exists(
        db,
        sql`select from assignment where kind = ${kind} and person_key = ${key}
          and municipality_id = ${place.municipalityId} and school_id is not distinct from ${schoolId}::int`,
      );
    if (!(await assigned(AssignmentKind.COORDINATOR, COORDINATOR.key, null))) {
      await wrote(
        assignCoordinator(as(municipal), String(place.municipalityId), {
          person: { fullName: COORDINATOR.fullName, key: COORDINATOR.key },
          from,
          orderId,
        }),
      );
    }
    for (const school of listed) {
      const curator = curatorOf(school.n);
      if (await assigned(AssignmentKind.CURATOR, curator.key, school.id)) continue;
      await wrote(assignCurator(as(municipal), school.code, { person: curator, from, orderId }));
    }

    // 7. Partnerships: the municipality accepts the first suggestion of each school (two for the first).
    for (const school of listed) {
      for (const viewer of [municipal, MINISTRY]) {
        const answer = await partnerSuggestions(as(viewer), {
          year: listYear,
          schoolCode: school.code,
          methodology: DEFAULT_METHODOLOGY,
        });
        const chosenPartners = answer.suggestions.slice(0, school.n === 1 ? 2 : 1);
        for (const partner of chosenPartners) {
          const there = await exists(
            db,
            sql`select from partnership p join school s on s.id = p.partner_school_id
              where p.listed_school_id = ${school.id} and s.code = ${partner.code}`,
          );
          if (!there) {
            await wrote(
              acceptPartnerSuggestion(as(viewer), {
                year: listYear,
                schoolCode: school.code,
                partnerSchoolCode: partner.code,
                basisOrderId: orderId,
                from,
              }),
            );
          }
        }
        // The ministry only when the municipality has no candidate of its own for the school.
        if (chosenPartners.length > 0) break;
      }
    }

    // 8. Events reaching the listed schools.
    for (const event of EVENTS) {
      const date = on(event.day);
      const municipalityId = event.level === EventLevel.MUNICIPALITY ? place.municipalityId : null;
      const there = await exists(
        db,
        sql`select from support_event where region_id = ${region.id}
          and municipality_id is not distinct from ${municipalityId}::int and date = ${date}::date and title = ${event.title}`,
      );
      if (there) continue;
      await wrote(
        createSupportEvent(as(municipalityId === null ? regionAnalyst : municipal), {
          kind: event.kind,
          date: new Date(`${date}T00:00:00Z`),
          level: event.level,
          title: event.title,
          participants: event.participants,
          regionCode: region.code,
          municipalityId: municipalityId === null ? null : String(municipalityId),
          schoolCodes: listed.map((s) => s.code),
        }),
      );
    }

    // 9. Each listed school's documents: created and submitted by the school, reviewed by its curator.
    const methodology = await resolveMethodology(as(MINISTRY), DEFAULT_METHODOLOGY, null);
    const risks = await riskYear(as(MINISTRY), methodology, listYear);
    for (const school of listed) {
      const plans = DOCUMENTS[(school.n - 1) % DOCUMENTS.length] ?? [];
      for (const plan of plans) {
        const riskFactor = plan.antiRisk ? (risks.profiles.get(school.id)?.priorityRisks[0] ?? 6) : null;
        let document = await one<{ id: string; records: number }>(
          db,
          sql`select d.id::text as id, (select count(*)::int from document_status_record r where r.document_id = d.id) as records
            from school_document d where d.school_id = ${school.id} and d.list_year = ${listYear}
              and d.kind = ${plan.kind} and d.title = ${plan.title} order by d.id limit 1`,
        );
        if (!document) {
          const created = await wrote(
            createSchoolDocument(as(schoolViewer(school)), {
              schoolCode: school.code,
              listYear,
              kind: plan.kind,
              riskFactor,
              title: plan.title,
            }),
          );
          document = { id: created.id, records: created.records.length };
        }
        // Record k + 1 is the k-th move of the plan (record 1 is the DRAFT).
        for (const move of plan.moves.slice(document.records - 1)) {
          const viewer = move === 'submit' ? schoolViewer(school) : curatorViewer(school);
          const comment = move === 'return' ? (plan.returnComment ?? 'Доработать') : null;
          await wrote(moveSchoolDocument(as(viewer), move, document.id, comment));
        }
      }
    }

    // 10. Diagnostics: entrance and intermediate, RU and MA, of each listed school (counts of marks only).
    for (const school of listed) {
      for (const grade of DIAGNOSTIC_GRADES) {
        for (const subject of [DiagnosticSubject.RU, DiagnosticSubject.MA]) {
          for (const [stage, marks] of diagnosticMarks(school.code, grade, subject)) {
            const date = on(DIAGNOSTIC_DAYS[stage]);
            const there = await exists(
              db,
              sql`select from diagnostic where school_id = ${school.id} and grade = ${grade}
                and subject = ${subject} and stage = ${stage} and date = ${date}::date`,
            );
            if (there) continue;
            await wrote(
              recordDiagnostic(as(schoolViewer(school)), {
                schoolCode: school.code,
                grade,
                subject,
                stage,
                date,
                ...marks,
              }),
            );
          }
        }
      }
    }

    // 11. The schools' reports on the activities they report on.
    for (const school of listed) {
      for (const report of SCHOOL_REPORTS) {
        const activityId = activities.get(report.ordinal);
        const date = on(report.day);
        if (!activityId) continue;
        if (date > today) {
          skippedAsFuture += 1;
          continue;
        }
        const there = await exists(
          db,
          sql`select from activity_report where activity_id = ${activityId}::bigint and school_id = ${school.id}
            and date = ${date}::date and status = ${report.status}`,
        );
        if (there) continue;
        await wrote(
          reportActivity(as(schoolViewer(school)), activityId, {
            schoolCode: school.code,
            date,
            status: report.status,
            note: report.note,
          }),
        );
      }
    }

    // 12. Best practices: a listed school's (unpublished), then a partner's, published — the last write.
    const firstListed = listed[0] as ListedSchool;
    const partner = await one<{ id: number; code: string }>(
      db,
      sql`select s.id, s.code from partnership p join school s on s.id = p.partner_school_id
        where p.listed_school_id = ${firstListed.id} order by p.id limit 1`,
    );
    const practices: [{ id: number; code: string }, (typeof PRACTICES)[keyof typeof PRACTICES]][] = [
      [firstListed, PRACTICES.listed],
      ...(partner ? [[partner, PRACTICES.partner] as [typeof partner, typeof PRACTICES.partner]] : []),
    ];
    for (const [school, practice] of practices) {
      const stored = await one<{ id: string; published: boolean }>(
        db,
        sql`select id::text as id, published from best_practice where school_id = ${school.id}
          and title = ${practice.title} order by id limit 1`,
      );
      const id =
        stored?.id ??
        (
          await wrote(
            createBestPractice(as(schoolViewer(school)), {
              schoolCode: school.code,
              title: practice.title,
              text: practice.text,
              tags: [...practice.tags],
              riskFactor: practice.riskFactor,
            }),
          )
        ).id;
      if (practice.publish && !stored?.published) {
        await wrote(publishBestPractice(as(schoolViewer(school)), id));
      }
    }
  }

  const counts = await one<{ activities: number; partnerships: number }>(
    db,
    sql`select (select count(*)::int from activity where roadmap_id = ${roadmapId}::bigint) as activities,
      (select count(*)::int from partnership where listed_school_id = any(${listed.map((s) => s.id)}::int[])) as partnerships`,
  );
  return {
    built: writes > 0,
    listYear,
    listId,
    municipality: { id: place.municipalityId, name: place.municipalityName },
    roadmapId,
    activities: counts?.activities ?? 0,
    coordinatorKey: COORDINATOR.key,
    schools: listed.map((s) => ({ code: s.code, name: s.name, curatorKey: curatorOf(s.n).key })),
    partnerships: counts?.partnerships ?? 0,
    writes,
    skippedAsFuture,
    milliseconds: Math.round(performance.now() - started),
  };
}

/**
 * The list of the year: a draft of the ministry's (one left by an interrupted run, or a new one),
 * any entry that needs a person's decision included with a reason, and the approval.
 */
async function makeList(as: (viewer: Viewer) => Context, db: Queryable, listYear: number): Promise<string> {
  const draft =
    (
      await one<{ id: string }>(
        db,
        sql`select l.id::text as id from shnor_list l join region g on g.id = l.region_id
          where g.code = ${DEMO_REGION_CODE} and l.year = ${listYear} and l.status = 'DRAFT' and l.created_by = ${MINISTRY.id}
          order by l.id desc limit 1`,
      )
    )?.id ??
    (
      await createList(as(MINISTRY), {
        year: listYear,
        regionCode: DEMO_REGION_CODE,
        methodology: DEFAULT_METHODOLOGY,
      })
    ).id;
  for (const entry of (await readEntries(db, [draft])).filter(needsDecision)) {
    await setEntryDecision(as(MINISTRY), {
      listId: draft,
      schoolCode: entry.schoolCode,
      decision: 'INCLUDE',
      justification: 'Демонстрационный год поддержки: школа остаётся в программе до итогов года',
    });
  }
  await approveList(as(MINISTRY), draft);
  return draft;
}

type Marks = { n: number; n2: number; n3: number; n4: number; n5: number };

/**
 * A school's entrance and intermediate marks in one grade and subject, drawn from a stream of the
 * seed's own keyed by (school, grade, subject): the same every time. The intermediate has fewer «2».
 */
export function diagnosticMarks(
  code: string,
  grade: number,
  subject: DiagnosticSubject,
): [DiagnosticStage.ENTRANCE | DiagnosticStage.INTERMEDIATE, Marks][] {
  const random = new Random(
    streamKey(DEFAULT_SEED, hashString(`demo-diagnostic:${code}:${grade}:${subject}`)),
  );
  const n = random.int(16, 28);
  const entrance = random.uniform(0.22, 0.38);
  const intermediate = Math.max(0.04, entrance - random.uniform(0.03, 0.11));
  const marks = (share2: number): Marks => {
    const n2 = Math.round(n * share2);
    const rest = n - n2;
    const n3 = Math.round(rest * 0.55);
    const n4 = Math.round((rest - n3) * 0.7);
    return { n, n2, n3, n4, n5: rest - n3 - n4 };
  };
  return [
    [DiagnosticStage.ENTRANCE, marks(entrance)],
    [DiagnosticStage.INTERMEDIATE, marks(intermediate)],
  ];
}

/** What `npm start` prints: the place, and the keys to try. */
export function describeDemoSupportYear(summary: DemoSupportSummary): string[] {
  const m = summary.municipality;
  return [
    `demo support year ${summary.listYear}: ${m.name} (municipality ${m.id}), ШНОР list ${summary.listId} approved, ` +
      `roadmap ${summary.roadmapId} (${summary.activities} activities), ${summary.schools.length} listed schools, ` +
      `${summary.partnerships} partnerships — ${summary.built ? `built (${summary.writes} writes)` : 'already there'} in ${(summary.milliseconds / 1000).toFixed(1)} s` +
      (summary.skippedAsFuture > 0
        ? `; ${summary.skippedAsFuture} records dated after today not written yet`
        : ''),
    `  coordinator: npm run token -- --role MUNICIPAL_ANALYST --municipality ${m.id}   (person key ${summary.coordinatorKey})`,
    ...summary.schools.map(
      (s) => `  curator: npm run token -- --role CURATOR --person ${s.curatorKey}   → ${s.code} «${s.name}»`,
    ),
  ];
}

/** The builder over a database URL (the ORM opened and closed around it): main.ts and the tests. */
export async function buildDemoSupportYearAt(
  databaseUrl: string,
  config: Config,
): Promise<DemoSupportSummary | null> {
  const orm = await openDatabase(databaseUrl, 0, 4);
  try {
    return await buildDemoSupportYear(orm, config);
  } finally {
    await orm.close(true);
  }
}
