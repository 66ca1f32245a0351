import { socialWellbeing, type SocialWellbeing } from '../../../analytics/context/index.js';
import { RISK_FACTOR_NAMES_RU } from '../../../analytics/methodology/params.js';
import { type SchoolYearCounts, type SchoolYearIndicators } from '../../../analytics/frames.js';
import {
  orderProfiles,
  placeFactorSummary,
  profileMatches,
  riskProfile,
  type RiskLevel,
  type RiskProfile,
} from '../../../analytics/risk/index.js';
import { type Context } from '../../context.js';
import { badUserInput } from '../../errors.js';
import { type AnalyticsQuestion, analyticsPage, openQuestion, type PageRequest } from './question.js';
import { type SchoolPlace, schoolLowIndicators } from '../../../analytics/shnor/index.js';
import { memoizedRatio } from '../../../analytics/shnor/indicators.js';
import { type AnalyticsSources, requestDataVersion } from './request-memo.js';
import { readIndicatorSets } from '../../../analytics/sql/indicator-sets.js';
import { type Queryable } from '../../../db/queryable.js';
import { readSchoolYearCounts } from '../../../analytics/sql/school-year-counts.js';
import { type EffectiveMethodology } from './methodology.js';

/** Where a school is: what scope checks (isInScope) and group-bys need of it. */
export type { SchoolPlace };

export interface RiskYear {
  year: number;
  dataVersion: number;
  /** Every school with indicators or results that year. */
  profiles: Map<number, RiskProfile>;
  wellbeing: Map<number, SocialWellbeing>;
  places: Map<number, SchoolPlace>;
}

/** The places of some schools in one statement (computed analytics carry ids only). */
export async function schoolPlaces(
  db: Queryable,
  schoolIds: readonly number[],
): Promise<Map<number, SchoolPlace>> {
  if (schoolIds.length === 0) return new Map();
  const rows = await db.query<SchoolPlace & Record<string, unknown>>(
    `select s.id as "schoolId", s.municipality_id as "municipalityId", m.region_id as "regionId"
     from school s join municipality m on m.id = s.municipality_id where s.id = any($1::int[])`,
    [schoolIds],
  );
  return new Map(rows.map((r) => [r.schoolId, r]));
}

/** Factor numbers of a parameter set: R1…R10 plus any factor an override introduces. */
export function riskFactorNumbers(m: EffectiveMethodology): Set<number> {
  return new Set([
    ...Object.keys(RISK_FACTOR_NAMES_RU).map(Number),
    ...m.params.risk.indicators.map((i) => i.factor),
  ]);
}

/**
 * The indicator sets plus an empty one for each school-year with results but no survey: it still has
 * a profile (R6 from SR_VPR_LOW, the other factors NO_DATA) and a context (no swi, not resilient).
 * An empty set carries no context value, so it changes no region's z-score statistics.
 */
function withResultsOnly(
  sets: readonly SchoolYearIndicators[],
  counts: readonly SchoolYearCounts[],
): SchoolYearIndicators[] {
  const surveyed = new Set(sets.map((s) => s.schoolId));
  const resultsOnly = counts
    .filter((c) => !surveyed.has(c.schoolId))
    .map((c) => ({ schoolId: c.schoolId, regionId: c.regionId, year: c.year, values: {} }));
  return [...sets, ...resultsOnly];
}

/**
 * Risk profiles (§4) and social well-being (§6) of every school with indicators or results in year y, from the
 * pre-aggregated indicator sets plus the same year's pooled ВПР counts (SR_VPR_LOW = vprLow is computed,
 * never imported). The whole country at once because swi ranks within (region, year): a per-school
 * computation could not rank. Cached per (parameters, data version, year).
 */
export async function riskYear(
  src: AnalyticsSources,
  m: EffectiveMethodology,
  year: number,
): Promise<RiskYear> {
  const dataVersion = await requestDataVersion(src);
  const { db, analyticsCache: cache } = src;
  return cache.get(`risk:${m.hash}:${dataVersion}:${year}`, async () => {
    const [sets, counts] = await Promise.all([
      readIndicatorSets(db, [year]),
      readSchoolYearCounts(db, m.params, [year]),
    ]);
    const ratioOf = memoizedRatio();
    const vprLow = new Map(counts.map((c) => [c.schoolId, schoolLowIndicators(c, m.params, ratioOf).vprLow]));
    const everySchoolYear = withResultsOnly(sets, counts);
    const profiles = new Map<number, RiskProfile>();
    for (const set of everySchoolYear) {
      profiles.set(set.schoolId, riskProfile(set, vprLow.get(set.schoolId) ?? null, m.params));
    }
    const wellbeing = new Map(socialWellbeing(everySchoolYear, m.params).map((w) => [w.schoolId, w]));
    const places = await schoolPlaces(db, [...profiles.keys()]);
    return { year, dataVersion, profiles, wellbeing, places };
  });
}

/** riskProfiles: the profiles in the viewer's scope and the question's places, most HIGH factors first. */
export async function riskProfiles(
  ctx: Context,
  q: AnalyticsQuestion & { level?: RiskLevel | null; factor?: number | null },
  page: PageRequest,
) {
  const open = await openQuestion(ctx, q, page);
  const factor = q.factor ?? undefined;
  if (factor !== undefined && !riskFactorNumbers(open.m).has(factor)) {
    throw badUserInput('factor', `factor: no risk factor R${factor} in methodology «${open.m.name}»`);
  }
  const computed = await riskYear(ctx, open.m, q.year);
  const rows = [...computed.profiles.values()].filter(
    (p) => open.wanted(computed.places.get(p.schoolId)) && profileMatches(p, q.level ?? undefined, factor),
  );
  return analyticsPage(open, page, orderProfiles(rows), (p) => p, {
    year: q.year,
    dataVersion: computed.dataVersion,
  });
}

/** riskFactorSummary: per region or municipality and factor, only the schools the viewer may see. */
export async function riskFactorSummaryOf(
  ctx: Context,
  q: AnalyticsQuestion & { groupBy: 'REGION' | 'MUNICIPALITY' },
) {
  const open = await openQuestion(ctx, q);
  const computed = await riskYear(ctx, open.m, q.year);
  // Scope first: a group's counts and shares never include a school the viewer may not see.
  const profiles = [...computed.profiles.values()].filter((p) =>
    open.wanted(computed.places.get(p.schoolId)),
  );
  const rows = placeFactorSummary(profiles, (id) => computed.places.get(id) as SchoolPlace, q.groupBy);
  return { year: q.year, methodology: open.view, dataVersion: computed.dataVersion, rows };
}
