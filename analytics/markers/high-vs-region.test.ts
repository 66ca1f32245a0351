import { describe, expect, it } from 'vitest';
import { markShares } from '../marks.js';
import { DEFAULT_V1 } from '../methodology/params.js';
import { computeMarkers } from './compute.js';
import { region, vpr, withMarkers } from './test-fixtures.js';

const codes = (ms: { code: string }[]) => ms.map((m) => m.code);

describe('HIGH_VS_REGION', () => {
  it('flags a gap of exactly 0.25 even when the floating-point difference is 0.24999999999999994', () => {
    // school 14/20 = 0.70, region 90/200 = 0.45; 0.70 − 0.45 = 0.24999999999999994 in binary, 0.25 after round12
    const ms = computeMarkers([vpr({ n3: 6, n4: 14 })], [region({ n3: 110, n4: 90 })], DEFAULT_V1);
    expect(ms).toHaveLength(1);
    expect(ms[0]).toMatchObject({ code: 'HIGH_VS_REGION', value: 0.25, threshold: 0.25, regionValue: 0.45 });
  });

  it('flags 0.78 − 0.53 = 0.25 and explains it in Russian', () => {
    // school (30+9)/50 = 0.78, region 53/100 = 0.53
    const ms = computeMarkers([vpr({ n3: 11, n4: 30, n5: 9 })], [region({ n3: 47, n4: 53 })], DEFAULT_V1);
    expect(ms[0]?.value).toBe(0.25);
    expect(ms[0]?.detail).toBe('качество 78,0 % при 53,0 % по региону (разница 25,0 п.п. ≥ 25 п.п.)');
    // the same figures as numbers: 39 of 50 with «4» or «5»
    expect(ms[0]?.figures).toEqual({
      participants: 50,
      qualityCount: 39,
      quality: 0.78,
      regionQuality: 0.53,
    });
  });

  it('does not flag just below: 0.70 − 0.451 = 0.249', () => {
    // region 451/1000 = 0.451
    expect(computeMarkers([vpr({ n3: 6, n4: 14 })], [region({ n3: 549, n4: 451 })], DEFAULT_V1)).toEqual([]);
  });

  it('ignores rows with N = minMarkerN − 1 = 9, judges N = 10', () => {
    const regionRow = region({ n3: 100 }); // quality 0
    expect(computeMarkers([vpr({ n5: 9 })], [regionRow], DEFAULT_V1)).toEqual([]);
    expect(codes(computeMarkers([vpr({ n5: 10 })], [regionRow], DEFAULT_V1))).toEqual(['HIGH_VS_REGION']);
  });

  it('is not raised for gymnasiums and lyceums', () => {
    const regionRow = region({ n3: 100 });
    for (const schoolType of ['GYMNASIUM', 'LYCEUM']) {
      expect(computeMarkers([vpr({ n5: 20 }, { schoolType })], [regionRow], DEFAULT_V1)).toEqual([]);
    }
  });

  it('compares MAA with the region’s MAA, not MA', () => {
    // school 7 MAA: 16/20 = 0.8; region 7 MA: 0.3 (gap 0.5), region 7 MAA: 0.6 (gap 0.2 < 0.25)
    const school = vpr({ n3: 4, n4: 16 }, { grade: 7, subject: 'MAA' });
    const regionMa = region({ n3: 70, n4: 30 }, { grade: 7, subject: 'MA' });
    const regionMaa = region({ n3: 40, n4: 60 }, { grade: 7, subject: 'MAA' });
    expect(computeMarkers([school], [regionMa, regionMaa], DEFAULT_V1)).toEqual([]);
    // region MAA at 0.5 → gap 0.3
    const regionMaaLow = region({ n3: 50, n4: 50 }, { grade: 7, subject: 'MAA' });
    const ms = computeMarkers([school], [regionMa, regionMaaLow], DEFAULT_V1);
    expect(ms[0]).toMatchObject({ subject: 'MAA', value: 0.3, regionValue: 0.5 });
  });

  it('compares with the same year and grade, and gives no marker without a region row', () => {
    const school = vpr({ n5: 20 });
    expect(computeMarkers([school], [region({ n3: 100 }, { year: 2022 })], DEFAULT_V1)).toEqual([]);
    expect(computeMarkers([school], [region({ n3: 100 }, { grade: 5 })], DEFAULT_V1)).toEqual([]);
    expect(computeMarkers([school], [region({ n3: 100 }, { regionId: 78 })], DEFAULT_V1)).toEqual([]);
  });

  it('follows parameter overrides', () => {
    const school = vpr({ n3: 6, n4: 14 }); // 0.70
    const regionRow = region({ n3: 110, n4: 90 }); // 0.45, gap 0.25
    expect(computeMarkers([school], [regionRow], withMarkers({ highVsRegionQualityGap: 0.3 }))).toEqual([]);
    const gymnasium = vpr({ n5: 20 }, { schoolType: 'GYMNASIUM' });
    const noExemption = withMarkers({ highVsRegionExemptTypes: [] });
    expect(codes(computeMarkers([gymnasium], [regionRow], noExemption))).toEqual(['HIGH_VS_REGION']);
    // minMarkerN 30: N = 20 is no longer judged
    expect(computeMarkers([school], [regionRow], withMarkers({ minMarkerN: 30 }))).toEqual([]);
  });
});

describe('HIGH_VS_REGION quality', () => {
  it('is markShares’ quality', () => {
    // 7 of 30 at «4», 6 at «5»: 13/30 = 0.433333333333 after round12; region quality 0 → gap = quality
    const school = vpr({ n3: 17, n4: 7, n5: 6 });
    const [m] = computeMarkers([school], [region({ n3: 100 })], DEFAULT_V1);
    expect(m?.value).toBe(markShares(school).quality);
    expect(m?.value).toBe(0.433333333333);
  });
});
