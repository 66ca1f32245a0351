import { socialWellbeing, type SocialWellbeing } from '../../../analytics/context/index.js';
import { RISK_FACTOR_NAMES_RU } from '../../../analytics/methodology/params.js';
import { riskProfile, type RiskProfile } from '../../../analytics/risk/index.js';
import { schoolLowIndicators } from '../../../analytics/shnor/index.js';
import { memoizedRatio } from '../../../analytics/shnor/indicators.js';
import { requestDataVersion } from './request-memo.js';
import { readIndicatorSets } from '../../../analytics/sql/indicator-sets.js';
import { type Queryable } from '../../../analytics/sql/queryable.js';
import { readSchoolYearCounts } from '../../../analytics/sql/school-year-counts.js';
import { type AnalyticsCache } from './cache.js';
import { type EffectiveMethodology } from './methodology.js';

/** Where a school is: what scope checks (isInScope) and group-bys need of it. */
export interface SchoolPlace {
  schoolId: number;
  regionId: number;
  municipalityId: number;
}

export interface RiskYear {
  year: number;
  dataVersion: number;
  /** Every school with indicators that year. */
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
  const rows = await db.query<{ school_id: number; municipality_id: number; region_id: number }>(
    `select s.id as school_id, s.municipality_id, m.region_id
     from school s join municipality m on m.id = s.municipality_id where s.id = any($1::int[])`,
    [schoolIds],
  );
  return new Map(
    rows.map((r) => [
      r.school_id,
      { schoolId: r.school_id, regionId: r.region_id, municipalityId: r.municipality_id },
    ]),
  );
}

/** Factor numbers of a parameter set: R1…R10 plus any factor an override introduces. */
export function riskFactorNumbers(m: EffectiveMethodology): Set<number> {
  return new Set([
    ...Object.keys(RISK_FACTOR_NAMES_RU).map(Number),
    ...m.params.risk.indicators.map((i) => i.factor),
  ]);
}

/**
 * Risk profiles (§4) and social well-being (§6) of every school with indicators in year y, from the
 * pre-aggregated indicator sets plus the same year's pooled ВПР counts (SR_VPR_LOW = vprLow is computed,
 * never imported). The whole country at once because swi ranks within (region, year): a per-school
 * computation could not rank. Cached per (parameters, data version, year).
 */
export async function riskYear(
  db: Queryable,
  cache: AnalyticsCache,
  m: EffectiveMethodology,
  year: number,
): Promise<RiskYear> {
  const dataVersion = await requestDataVersion(db);
  return cache.get(`risk:${m.hash}:${dataVersion}:${year}`, async () => {
    const [sets, counts] = await Promise.all([
      readIndicatorSets(db, [year]),
      readSchoolYearCounts(db, m.params, [year]),
    ]);
    const ratioOf = memoizedRatio();
    const vprLow = new Map(counts.map((c) => [c.schoolId, schoolLowIndicators(c, m.params, ratioOf).vprLow]));
    const profiles = new Map<number, RiskProfile>();
    for (const set of sets) {
      profiles.set(set.schoolId, riskProfile(set, vprLow.get(set.schoolId) ?? null, m.params));
    }
    const wellbeing = new Map(socialWellbeing(sets, m.params).map((w) => [w.schoolId, w]));
    const places = await schoolPlaces(db, [...profiles.keys()]);
    return { year, dataVersion, profiles, wellbeing, places };
  });
}
