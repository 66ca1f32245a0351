import {
  activityStatuses,
  type MonitoredActivity,
  requiredDocuments,
  requiredKey,
  schoolDocuments,
  schoolReports,
} from '../../../analytics/support/monitoring.js';
import { SUPPORT_V1, SUPPORT_VERSION } from '../../../analytics/support/params.js';
import { round12 } from '../../../analytics/arithmetic.js';
import { type ShnorStatus } from '../../../analytics/shnor/index.js';
import { sql } from '../../../db/sql.js';
import { type Context } from '../../context.js';
import { checkYear } from '../../graphql/inputs/validate.js';
import { methodologyView } from '../analytics/candidate-view.js';
import { resolveMethodology } from '../analytics/methodology.js';
import { riskYear } from '../analytics/risk.service.js';
import { shnorYear } from '../analytics/shnor.service.js';
import { frozenListOf } from '../lists/list-store.js';
import { type Decision, isIncluded } from '../lists/rules.js';
import { monitoredDiagnostics } from './monitoring-diagnostics.js';
import {
  type MonitoringPlace,
  readActivities,
  readCurators,
  readDiagnostics,
  readDocumentRecords,
  readEvents,
  readPartners,
  readReports,
  readStatusRecords,
} from './monitoring-read.js';
import { groupBy, monitoringPlace, type PlaceAnswer } from './monitoring-place.js';

/**
 * `executionMonitoring` (SUPPORT-V1 §5) of a region or a municipality P, list year y, as of D
 * (default: today where P is): P's roadmaps of y and each activity's status; per school of the
 * approved list of y within P its reports and what is missing, its documents against the required
 * ones, its curator and partner on D, its local diagnostics and its lowIndex of y and y + 1; P's
 * events; and the submission tracking as one flat list. The list and lowIndex are the approved
 * list's own (its methodology). Without an approved list there are no listed schools.
 */

export interface MonitoringQuestion {
  year: number;
  regionCode?: string | null;
  municipalityId?: string | null;
  asOf?: string | null;
}

interface ListedRow {
  schoolId: number;
  code: string;
  name: string;
  municipalityId: number;
  municipalityName: string;
  status: ShnorStatus;
  decision: Decision | null;
}

async function listedSchools(ctx: Context, listId: string | null, p: MonitoringPlace) {
  if (listId === null) return { listed: [] as ListedRow[], methodologyName: null };
  const [list] = await ctx.db.query<{ methodologyName: string }>(
    sql`select methodology_name as "methodologyName" from shnor_list where id = ${listId}::bigint`,
  );
  const rows = await ctx.db.query<ListedRow>(
    sql`select e.school_id as "schoolId", s.code, s.name, s.municipality_id as "municipalityId",
        m.name as "municipalityName", e.status, e.decision
      from shnor_list_entry e join school s on s.id = e.school_id join municipality m on m.id = s.municipality_id
      where ${sql.and([sql`e.list_id = ${listId}::bigint`, p.municipalityId === null ? null : sql`s.municipality_id = ${p.municipalityId}`])}
      order by s.code`,
  );
  const listed = rows.filter((r) => isIncluded({ ...r, previouslyListed: false }));
  return { listed, methodologyName: list?.methodologyName ?? null };
}

const delta = (a: number | null | undefined, b: number | null | undefined) =>
  a === null || a === undefined || b === null || b === undefined ? null : round12(b - a);

export async function executionMonitoring(ctx: Context, q: MonitoringQuestion) {
  checkYear('year', q.year);
  const place: PlaceAnswer = await monitoringPlace(ctx, q);
  const p = { regionId: place.region.id, municipalityId: place.municipality?.id ?? null };
  const asOf = place.asOf;
  const listId = await frozenListOf(ctx.db, q.year, p.regionId);
  const [activityRows, records, { listed, methodologyName }] = await Promise.all([
    readActivities(ctx.db, p, q.year),
    readStatusRecords(ctx.db, p, q.year, asOf),
    listedSchools(ctx, listId, p),
  ]);
  const params = SUPPORT_V1.monitoring;
  const periodStart = activityRows.reduce<string | null>(
    (w, a) => (w === null || a.periodStart < w ? a.periodStart : w),
    null,
  );
  // W0: the roadmaps' earliest start; without a roadmap, the school year of the list year.
  const from = periodStart ?? `${q.year}-09-01`;
  const ids = listed.map((s) => s.schoolId);
  const m = methodologyName ? await resolveMethodology(ctx, methodologyName, null, ctx) : null;
  const [reports, documents, curators, partners, diagnostics, events, shnor, shnorNext, risk] =
    await Promise.all([
      readReports(ctx.db, ids, asOf),
      readDocumentRecords(ctx.db, ids, q.year, asOf),
      readCurators(ctx.db, ids, asOf),
      readPartners(ctx.db, ids, asOf),
      readDiagnostics(ctx.db, ids, from, asOf),
      readEvents(ctx.db, p, ids, from, asOf),
      m && ids.length ? shnorYear(ctx, m, q.year) : null,
      m && ids.length ? shnorYear(ctx, m, q.year + params.lowIndexHorizon) : null,
      m && ids.length ? riskYear(ctx, m, q.year) : null,
    ]);

  const recordsOf = groupBy(records, (r) => r.activityId);
  const activities: (MonitoredActivity & (typeof activityRows)[number])[] = activityRows.map((a) => ({
    ...a,
    records: recordsOf.get(a.id) ?? [],
  }));
  const { counts, statuses } = activityStatuses(activities, asOf);
  // With their status: a school's missing reports and the tracking show it too.
  const withStatus = activities.map((a) => ({ ...a, status: statuses.get(a.id)! }));
  const activityById = new Map(withStatus.map((a) => [a.id, a]));
  const reportsOf = groupBy(reports, (r) => r.schoolId);
  const documentsOf = groupBy(documents, (d) => d.schoolId);
  const curatorsOf = groupBy(curators, (c) => c.schoolId);
  const partnersOf = groupBy(partners, (c) => c.schoolId);
  const diagnosticsOf = groupBy(diagnostics, (d) => d.schoolId);

  // A school reports on its municipality's roadmaps: grouped once, not filtered per school.
  const municipal = groupBy(
    activities.filter((a) => a.level === 'MUNICIPALITY'),
    (a) => a.roadmapMunicipalityId,
  );
  const schools = listed.map((s) => {
    const own = municipal.get(s.municipalityId) ?? [];
    const schoolReportsAsOf = schoolReports(own, reportsOf.get(s.schoolId) ?? [], asOf);
    const byDocument = groupBy(documentsOf.get(s.schoolId) ?? [], (d) => d.documentId);
    const required = requiredDocuments(
      params.requiredDocuments,
      risk?.profiles.get(s.schoolId)?.priorityRisks ?? [],
    );
    const docs = schoolDocuments(
      [...byDocument.values()].map((rows) => ({
        kind: rows[0]!.kind,
        riskFactor: rows[0]!.riskFactor,
        records: rows,
      })),
      required,
      asOf,
    );
    const lowIndex = shnor?.bySchool.get(s.schoolId)?.current.lowIndex ?? null;
    const lowIndexNext = shnorNext?.bySchool.get(s.schoolId)?.current.lowIndex ?? null;
    const schoolCurators = curatorsOf.get(s.schoolId) ?? [];
    const schoolPartners = partnersOf.get(s.schoolId) ?? [];
    return {
      schoolId: s.schoolId,
      code: s.code,
      name: s.name,
      municipality: { id: s.municipalityId, name: s.municipalityName, regionId: p.regionId },
      reports: {
        ...schoolReportsAsOf,
        missing: schoolReportsAsOf.missing.map((id) => activityById.get(id)!),
      },
      documents: {
        ...docs.counts,
        submittedOrApproved: docs.submitted,
        required: required.map(requiredKey),
        missingRequired: docs.missingRequired.map(requiredKey),
      },
      curatorAssigned: schoolCurators.length > 0,
      curators: schoolCurators,
      partnerAssigned: schoolPartners.length > 0,
      partners: schoolPartners,
      diagnostics: monitoredDiagnostics(diagnosticsOf.get(s.schoolId) ?? [], params, { from, to: asOf }),
      lowIndex,
      lowIndexNext,
      lowIndexDelta: delta(lowIndex, lowIndexNext),
    };
  });

  const byKind = new Map<string, { kind: string; count: number; participants: number }>();
  const reached = new Set<number>();
  for (const e of events) {
    const k = byKind.get(e.kind) ?? { kind: e.kind, count: 0, participants: 0 };
    k.count += 1;
    k.participants += e.participants;
    byKind.set(e.kind, k);
    for (const id of e.reached) reached.add(id);
  }
  return {
    year: q.year,
    asOf,
    region: place.region,
    municipality: place.municipality,
    listId,
    periodStart,
    roadmapIds: [...new Set(activities.map((a) => a.roadmapId))],
    activities: counts,
    activityStatuses: withStatus,
    schools,
    submissionTracking: schools.flatMap((s) => s.reports.missing.map((a) => ({ school: s, activity: a }))),
    events: {
      count: events.length,
      participants: events.reduce((n, e) => n + e.participants, 0),
      byKind: [...byKind.values()].sort((a, b) => a.kind.localeCompare(b.kind)),
      listedSchoolsReached: reached.size,
    },
    counts: {
      listedSchools: schools.length,
      withCurator: schools.filter((s) => s.curatorAssigned).length,
      withPartner: schools.filter((s) => s.partnerAssigned).length,
    },
    support: { name: SUPPORT_VERSION, params: SUPPORT_V1.monitoring },
    methodology: m ? methodologyView(m) : null,
  };
}

export type ExecutionMonitoringAnswer = Awaited<ReturnType<typeof executionMonitoring>>;
