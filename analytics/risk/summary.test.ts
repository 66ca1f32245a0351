import { describe, expect, it } from 'vitest';
import { type SchoolYearIndicators } from '../frames.js';
import { DEFAULT_V1 } from '../methodology/params.js';
import { riskFactorSummary, riskProfile } from './index.js';

const school = (values: Record<string, number>, schoolId: number): SchoolYearIndicators => ({
  schoolId,
  regionId: 77,
  year: 2025,
  values,
});

describe('riskFactorSummary', () => {
  it('counts levels per group and factor, with shares over the profiled schools of the group', () => {
    const profiles = [
      riskProfile(school({ ST_VACANCY_RATE: 0.15 }, 1), null, DEFAULT_V1), // R2 HIGH
      riskProfile(school({ ST_VACANCY_RATE: 0.05 }, 2), null, DEFAULT_V1), // R2 1/2 = 0.5 MEDIUM
      riskProfile(school({}, 3), null, DEFAULT_V1), // R2 NO_DATA
      riskProfile(school({ ST_VACANCY_RATE: 0 }, 4), null, DEFAULT_V1), // R2 LOW, group B
    ];
    const rows = riskFactorSummary(profiles, (p) => (p.schoolId === 4 ? 'B' : 'A'));
    expect(rows).toHaveLength(20);
    const a2 = rows.find((r) => r.group === 'A' && r.factor === 2);
    // 3 schools in A: 1 HIGH, 1 MEDIUM, 0 LOW, 1 NO_DATA → 1/3 each
    expect(a2).toMatchObject({ schools: 3, high: 1, medium: 1, low: 0, noData: 1, lowShare: 0 });
    expect(a2?.highShare).toBe(Number((1 / 3).toFixed(12)));
    expect(a2?.noDataShare).toBe(Number((1 / 3).toFixed(12)));
    expect(rows.find((r) => r.group === 'A' && r.factor === 9)).toMatchObject({ noData: 3, noDataShare: 1 });
    expect(rows.find((r) => r.group === 'B' && r.factor === 2)).toMatchObject({
      schools: 1,
      low: 1,
      lowShare: 1,
      highShare: 0,
    });
    expect(riskFactorSummary([], () => 'A')).toEqual([]);
  });
});
