import { describe, expect, it } from 'vitest';
import { type SchoolYearIndicators } from '../frames.js';
import { DEFAULT_V1 } from '../methodology/params.js';
import {
  orderProfiles,
  placeFactorSummary,
  profileMatches,
  riskFactorSummary,
  riskProfile,
} from './index.js';

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

describe('per place, ordered and filtered', () => {
  const profiles = [
    riskProfile(school({ ST_VACANCY_RATE: 0.05 }, 7), null, DEFAULT_V1), // R2 MEDIUM
    riskProfile(school({ ST_VACANCY_RATE: 0.15 }, 5), null, DEFAULT_V1), // R2 HIGH
    riskProfile(school({ ST_VACANCY_RATE: 0.15 }, 3), null, DEFAULT_V1), // R2 HIGH
    riskProfile(school({}, 1), null, DEFAULT_V1), // no HIGH
  ];
  const places: Record<number, { regionId: number; municipalityId: number }> = {
    7: { regionId: 2, municipalityId: 20 },
    5: { regionId: 1, municipalityId: 11 },
    3: { regionId: 1, municipalityId: 10 },
    1: { regionId: 1, municipalityId: 10 },
  };

  it('orders by the count of HIGH factors, then by school id', () => {
    expect(orderProfiles(profiles).map((p) => p.schoolId)).toEqual([3, 5, 1, 7]);
  });

  it('filters by level and factor as riskProfiles documents', () => {
    const ids = (level?: 'HIGH' | 'MEDIUM' | 'LOW' | 'NO_DATA', factor?: number) =>
      profiles.filter((p) => profileMatches(p, level, factor)).map((p) => p.schoolId);
    expect(ids(undefined, 2)).toEqual([7, 5, 3]); // factor alone: HIGH or MEDIUM
    expect(ids('HIGH', 2)).toEqual([5, 3]);
    expect(ids('NO_DATA', 2)).toEqual([1]);
    expect(ids()).toEqual([7, 5, 3, 1]);
    expect(ids(undefined, 99)).toEqual([]);
  });

  it('groups by region or municipality, naming both, in place and factor order', () => {
    const byRegion = placeFactorSummary(profiles, (id) => places[id]!, 'REGION');
    expect(
      byRegion.filter((r) => r.factor === 2).map((r) => [r.regionId, r.municipalityId, r.schools, r.high]),
    ).toEqual([
      [1, null, 3, 2],
      [2, null, 1, 0],
    ]);
    const byMunicipality = placeFactorSummary(profiles, (id) => places[id]!, 'MUNICIPALITY');
    expect(
      byMunicipality.filter((r) => r.factor === 2).map((r) => [r.regionId, r.municipalityId, r.schools]),
    ).toEqual([
      [1, 10, 2],
      [1, 11, 1],
      [2, 20, 1],
    ]);
    expect(byMunicipality[0]).toMatchObject({ code: 'R1', factor: 1 });
  });
});
