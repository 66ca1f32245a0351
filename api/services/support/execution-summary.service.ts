import { round12 } from '../../../analytics/arithmetic.js';
import { SUPPORT_V1, SUPPORT_VERSION } from '../../../analytics/support/params.js';
import { type Context } from '../../context.js';
import { checkYear } from '../../graphql/inputs/validate.js';
import { type MonitoredPlace, municipalitiesOf, summaryRegions, trackingPlaces } from './execution-places.js';
import { type ExecutionMonitoringAnswer, executionMonitoring } from './monitoring.service.js';

/**
 * `executionSummary`: the figures of `executionMonitoring` (SUPPORT-V1 §5) of every region (or
 * every municipality of the regions) in the viewer's scope, one row each — what the ministry's
 * dashboard compares. Each row is that place's own executionMonitoring, counted: correct by
 * construction, at one monitoring (about ten statements) per place.
 *
 * `submissionTracking`: the monitoring's flat list of missing reports over several places.
 */

export interface ExecutionSummaryQuestion {
  year: number;
  regionCodes?: readonly string[] | null;
  asOf?: string | null;
  groupBy: 'REGION' | 'MUNICIPALITY';
}

const sum = (values: readonly number[]) => values.reduce((n, v) => n + v, 0);

/** One place's row: counts of its monitoring. */
export function summaryRow(a: ExecutionMonitoringAnswer) {
  const deltas = a.schools.map((s) => s.lowIndexDelta).filter((d): d is number => d !== null);
  return {
    regionId: a.region.id,
    municipalityId: a.municipality?.id ?? null,
    asOf: a.asOf,
    listId: a.listId,
    roadmaps: a.roadmapIds.length,
    activities: a.activities,
    listedSchools: a.counts.listedSchools,
    withCurator: a.counts.withCurator,
    withPartner: a.counts.withPartner,
    reportsDue: sum(a.schools.map((s) => s.reports.due)),
    reportsSubmitted: sum(a.schools.map((s) => s.reports.submitted)),
    reportsMissing: a.submissionTracking.length,
    schoolsWithRequiredDocuments: a.schools.filter((s) => s.documents.missingRequired.length === 0).length,
    events: a.events.count,
    eventParticipants: a.events.participants,
    listedSchoolsReached: a.events.listedSchoolsReached,
    lowIndexDeltaSchools: deltas.length,
    lowIndexDeltaMean: deltas.length ? round12(sum(deltas) / deltas.length) : null,
  };
}

export type ExecutionSummaryRow = ReturnType<typeof summaryRow>;

/**
 * The monitoring of each place, one after another: a place's monitoring already runs its
 * statements side by side, and the request's pool share would only queue more.
 */
async function monitorEach(
  ctx: Context,
  places: readonly MonitoredPlace[],
  q: { year: number; asOf?: string | null },
): Promise<ExecutionMonitoringAnswer[]> {
  const answers: ExecutionMonitoringAnswer[] = [];
  for (const place of places) {
    answers.push(await executionMonitoring(ctx, { year: q.year, asOf: q.asOf, ...place }));
  }
  return answers;
}

export async function executionSummary(ctx: Context, q: ExecutionSummaryQuestion) {
  checkYear('year', q.year);
  const regions = await summaryRegions(ctx, q.regionCodes);
  const places: MonitoredPlace[] =
    q.groupBy === 'REGION'
      ? regions.map((r) => ({ regionCode: r.code }))
      : await municipalitiesOf(ctx, regions);
  const answers = await monitorEach(ctx, places, q);
  return {
    year: q.year,
    groupBy: q.groupBy,
    rows: answers.map(summaryRow),
    support: { name: SUPPORT_VERSION, params: SUPPORT_V1.monitoring },
  };
}

export interface SubmissionTrackingQuestion {
  year: number;
  regionCodes?: readonly string[] | null;
  municipalityIds?: readonly string[] | null;
  asOf?: string | null;
}

/** Every (listed school, due activity) without a report, place after place (README: Exports). */
export async function submissionTracking(ctx: Context, q: SubmissionTrackingQuestion) {
  checkYear('year', q.year);
  const places = await trackingPlaces(ctx, q);
  const answers = await monitorEach(ctx, places, q);
  return answers.flatMap((a) => a.submissionTracking);
}
