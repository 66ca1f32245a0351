import { describe, expect, it } from 'vitest';
import { DEFAULT_V1 } from '../methodology/params.js';
import { countsRow } from './fixtures.js';
import { regionValuesLookup, regionYearValues } from './region-values.js';

describe('regionYearValues (pooled over all schools of the region, no minimum N)', () => {
  const rows = [
    countsRow(1, 7, 2024, { vprN2: 3, vprN: 10, ogeN2: 1, ogeN: 4 }),
    countsRow(2, 7, 2024, { vprN2: 7, vprN: 30 }),
    countsRow(3, 8, 2024, { ogeN2: 1, ogeN: 2 }),
    countsRow(1, 7, 2023, { vprN2: 1, vprN: 8, egeBelow: 1, egeN: 3 }),
  ];
  const at = regionValuesLookup(regionYearValues(rows, DEFAULT_V1));

  it('pools counts, below the school minimums too', () => {
    // vpr (3 + 7) / (10 + 30) = 0.25; oge 1/4 = 0.25 (4 < 5 would not define a school's ogeLow)
    // lowIndex (0.5·0.25 + 0.25·0.25) / 0.75 = 0.25
    expect(at(7, 2024)).toMatchObject({
      vprN2: 10,
      vprN: 40,
      vprLow: 0.25,
      ogeLow: 0.25,
      egeLow: null,
      lowIndex: 0.25,
    });
  });

  it('keeps years and regions apart', () => {
    // 2023: vpr 1/8 = 0.125, ege 1/3 → 0.333333333333; (0.5·0.125 + 0.25·0.333333333333) / 0.75
    //      = (0.0625 + 0.08333333333325) / 0.75 = 0.194444444444
    expect(at(7, 2023)).toMatchObject({
      vprLow: 0.125,
      ogeLow: null,
      egeLow: 0.333333333333,
      lowIndex: 0.194444444444,
    });
    expect(at(8, 2023)).toBeUndefined();
  });

  it('has no lowIndex without ВПР participants in the region', () => {
    expect(at(8, 2024)).toMatchObject({ vprLow: null, ogeLow: 0.5, lowIndex: null });
  });
});
