import { ratio } from '../arithmetic.js';
import { type RiskLevel, type RiskProfile } from './profile.js';

export interface RiskFactorSummaryRow {
  group: string | number;
  factor: number;
  nameRu: string;
  /** Schools of the group that have a profile: the denominator of every share. */
  schools: number;
  high: number;
  medium: number;
  low: number;
  noData: number;
  highShare: number | null;
  mediumShare: number | null;
  lowShare: number | null;
  noDataShare: number | null;
}

type Counts = Record<RiskLevel, number>;

/**
 * Per group (region, municipality, …, as `groupOf` says) and factor: how many schools are at each
 * level and which share of the group's profiled schools that is. A plain pass, not arquero: four
 * counters per (group, factor) are all there is to it. Rows come grouped in first-seen order, factors
 * in numeric order.
 */
export function riskFactorSummary(
  profiles: readonly RiskProfile[],
  groupOf: (profile: RiskProfile) => string | number,
): RiskFactorSummaryRow[] {
  const groups = new Map<
    string | number,
    { schools: number; factors: Map<number, { nameRu: string; counts: Counts }> }
  >();
  for (const profile of profiles) {
    const key = groupOf(profile);
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { schools: 0, factors: new Map() }));
    group.schools += 1;
    for (const f of profile.factors) {
      let entry = group.factors.get(f.factor);
      if (!entry)
        group.factors.set(
          f.factor,
          (entry = { nameRu: f.nameRu, counts: { HIGH: 0, MEDIUM: 0, LOW: 0, NO_DATA: 0 } }),
        );
      entry.counts[f.level] += 1;
    }
  }

  const rows: RiskFactorSummaryRow[] = [];
  for (const [group, { schools, factors }] of groups) {
    for (const factor of [...factors.keys()].sort((a, b) => a - b)) {
      const { nameRu, counts } = factors.get(factor) as { nameRu: string; counts: Counts };
      rows.push({
        group,
        factor,
        nameRu,
        schools,
        high: counts.HIGH,
        medium: counts.MEDIUM,
        low: counts.LOW,
        noData: counts.NO_DATA,
        highShare: ratio(counts.HIGH, schools),
        mediumShare: ratio(counts.MEDIUM, schools),
        lowShare: ratio(counts.LOW, schools),
        noDataShare: ratio(counts.NO_DATA, schools),
      });
    }
  }
  return rows;
}

/** Where a profiled school is. */
export interface ProfilePlace {
  municipalityId: number;
  regionId: number;
}

export interface PlaceFactorSummaryRow extends Omit<RiskFactorSummaryRow, 'group'> {
  code: string;
  regionId: number;
  /** null when grouped by region */
  municipalityId: number | null;
}

/**
 * riskFactorSummary per region or municipality, each row naming both, ordered by region,
 * municipality and factor. The caller passes only the profiles the viewer may see.
 */
export function placeFactorSummary(
  profiles: readonly RiskProfile[],
  placeOf: (schoolId: number) => ProfilePlace,
  level: 'REGION' | 'MUNICIPALITY',
): PlaceFactorSummaryRow[] {
  const byMunicipality = level === 'MUNICIPALITY';
  const regionOfGroup = new Map<number, number>();
  const rows = riskFactorSummary(profiles, (p) => {
    const place = placeOf(p.schoolId);
    const group = byMunicipality ? place.municipalityId : place.regionId;
    regionOfGroup.set(group, place.regionId);
    return group;
  }).map(({ group, ...row }) => ({
    ...row,
    code: `R${row.factor}`,
    regionId: regionOfGroup.get(group as number) as number,
    municipalityId: byMunicipality ? (group as number) : null,
  }));
  return rows.sort(
    (a, b) =>
      a.regionId - b.regionId || (a.municipalityId ?? 0) - (b.municipalityId ?? 0) || a.factor - b.factor,
  );
}

/** The order of riskProfiles: most HIGH factors first, then by school id. */
export function orderProfiles(profiles: readonly RiskProfile[]): RiskProfile[] {
  const high = new Map(profiles.map((p) => [p, p.factors.filter((f) => f.level === 'HIGH').length]));
  return [...profiles].sort((a, b) => high.get(b)! - high.get(a)! || a.schoolId - b.schoolId);
}

/**
 * The level/factor filter of riskProfiles: both — that factor at that level; `level` alone — some
 * factor at that level; `factor` alone — that factor HIGH or MEDIUM.
 */
export function profileMatches(p: RiskProfile, level?: RiskLevel, factor?: number): boolean {
  if (factor === undefined) return level === undefined || p.factors.some((f) => f.level === level);
  const f = p.factors.find((x) => x.factor === factor);
  if (!f) return false;
  return level === undefined ? f.level === 'HIGH' || f.level === 'MEDIUM' : f.level === level;
}
