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
