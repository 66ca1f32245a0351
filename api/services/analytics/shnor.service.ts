import {
  type CandidateOrderKey,
  computeShnorCandidates,
  markedSchoolYearKey,
  orderCandidates,
  type PlaceLevel,
  type SchoolPlace,
  type ShnorCandidate,
  type ShnorStatus,
  statusSummary,
  type StatusSummaryRow,
} from '../../../analytics/shnor/index.js';
import { type Context } from '../../context.js';
import { candidateView } from './candidate-view.js';
import { type AnalyticsQuestion, analyticsPage, openQuestion, type PageRequest } from './question.js';
import { type AnalyticsSources, requestVersions } from './request-memo.js';
import { approvedListSchools } from '../lists/approved-schools.js';
import { markerParamsKey, subjectSetKey } from '../../../analytics/sql/keys.js';
import { type Queryable } from '../../../db/queryable.js';
import { readSchoolYearCounts } from '../../../analytics/sql/school-year-counts.js';
import { type EffectiveMethodology } from './methodology.js';

export interface ShnorYear {
  year: number;
  dataVersion: number;
  candidates: ShnorCandidate[];
  bySchool: Map<number, ShnorCandidate>;
}

/** `${school}:${year}` of schools with a marker on a core (g, j): one small query over stored markers. */
async function coreMarkedKeys(db: Queryable, m: EffectiveMethodology, years: number[]): Promise<Set<string>> {
  const rows = await db.query<{ school_id: number; year: number }>(
    `select distinct school_id, year from objectivity_marker
     where params_key = $1 and year = any($2::int[]) and grade = any($3::int[]) and subject::text = any($4::text[])`,
    [markerParamsKey(m.params), years, m.params.indicators.coreGrades, m.params.indicators.coreSubjects],
  );
  return new Set(rows.map((r) => markedSchoolYearKey(r.school_id, r.year)));
}

/**
 * Registry schools without pooled counts in any of `years`: they are decided too (NO_RESULTS). An
 * anti-join, so a country hands over the few such schools rather than all 40 000 places.
 */
function schoolsWithoutCounts(
  db: Queryable,
  m: EffectiveMethodology,
  years: number[],
): Promise<SchoolPlace[]> {
  return db.query<SchoolPlace & Record<string, unknown>>(
    `select s.id as "schoolId", s.municipality_id as "municipalityId", m.region_id as "regionId"
     from school s join municipality m on m.id = s.municipality_id
     where not exists (select 1 from school_year_counts c
                       where c.set_key = $1 and c.year = any($2::int[]) and c.school_id = s.id)
     order by s.id`,
    [subjectSetKey(m.params), years],
  );
}

/**
 * The ШНОР decision of every school of the registry for list year y: reduced rows from PostgreSQL
 * (pooled counts of y and y − 1, marked school-years, the approved lists of y − 1 for EXIT, the
 * registry for schools without results), the rules in
 * analytics/shnor. Cached per (parameters, data version, lists version, year): an approval bumps
 * the lists version, so EXIT candidates follow it at once.
 */
export async function shnorYear(
  src: AnalyticsSources,
  m: EffectiveMethodology,
  year: number,
): Promise<ShnorYear> {
  const { data: dataVersion, lists: listsVersion } = await requestVersions(src);
  const { db, analyticsCache: cache } = src;
  return cache.get(`shnor:${m.hash}:${dataVersion}:${listsVersion}:${year}`, async () => {
    const years = [year - 1, year];
    const [counts, marked, previousApprovedList, registry] = await Promise.all([
      readSchoolYearCounts(db, m.params, years),
      coreMarkedKeys(db, m, years),
      approvedListSchools(db, year - 1),
      schoolsWithoutCounts(db, m, years),
    ]);
    const candidates = computeShnorCandidates({
      year,
      counts,
      markedSchoolYears: marked,
      previousApprovedList,
      registry,
      params: m.params,
    });
    return { year, dataVersion, candidates, bySchool: new Map(candidates.map((c) => [c.schoolId, c])) };
  });
}

/** shnorCandidates: every school's status in the viewer's scope and the question's places, in list order. */
export async function shnorCandidates(
  ctx: Context,
  q: AnalyticsQuestion & { status?: readonly ShnorStatus[] | null; orderBy: CandidateOrderKey },
  page: PageRequest,
) {
  const open = await openQuestion(ctx, q, page);
  const computed = await shnorYear(ctx, open.m, q.year);
  const statuses = q.status ? new Set<string>(q.status) : null;
  const rows = computed.candidates.filter((c) => open.wanted(c) && (!statuses || statuses.has(c.status)));
  return analyticsPage(open, page, orderCandidates(rows, q.orderBy), (c) => candidateView(c, open.view), {
    year: q.year,
    dataVersion: computed.dataVersion,
  });
}

/** shnorSummary: schools per status per region or municipality, counting only what the viewer may see. */
export async function shnorSummary(ctx: Context, q: AnalyticsQuestion & { groupBy: PlaceLevel }) {
  const open = await openQuestion(ctx, q);
  const computed = await shnorYear(ctx, open.m, q.year);
  const rows: StatusSummaryRow[] = statusSummary(computed.candidates.filter(open.wanted), q.groupBy);
  return { year: q.year, methodology: open.view, dataVersion: computed.dataVersion, rows };
}
