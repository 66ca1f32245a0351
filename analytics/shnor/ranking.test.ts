import { describe, expect, it } from 'vitest';
import { round12 } from '../arithmetic.js';
import { percentRanksBy } from '../percent-rank.js';
import { rankLowIndex, type RankInput } from './ranking.js';

const r = (regionId: number, year: number, lowIndex: number | null): RankInput => ({
  regionId,
  year,
  lowIndex,
});

describe('rankLowIndex (PERCENT_RANK within region × year among ranked schools)', () => {
  it('ties values equal on paper: 1/3 and 2/6', () => {
    // sorted 0.1 (rank 1), 1/3 and 2/6 (both rank 2), 0.5 (rank 4); n − 1 = 3
    const ranks = rankLowIndex([r(1, 2024, 0.5), r(1, 2024, 1 / 3), r(1, 2024, 2 / 6), r(1, 2024, 0.1)], 0.9);
    expect(ranks.map((x) => x.lowRank)).toEqual([1, 0.333333333333, 0.333333333333, 0]);
    expect(ranks.map((x) => x.low)).toEqual([true, false, false, false]);
  });

  it('gives the only ranked school of a region rank 0: not low at cut 0.9', () => {
    expect(rankLowIndex([r(5, 2024, 0.9)], 0.9)).toEqual([{ lowRank: 0, low: false, schoolsRanked: 1 }]);
  });

  it('counts a school exactly at the cut as low', () => {
    // 11 distinct values: ranks k/10; k = 9 → 0.9 ≥ 0.9, k = 8 → 0.8 < 0.9
    const rows = Array.from({ length: 11 }, (_, k) => r(1, 2024, k / 100));
    const ranks = rankLowIndex(rows, 0.9);
    expect(ranks[9]).toEqual({ lowRank: 0.9, low: true, schoolsRanked: 11 });
    expect(ranks[8]).toEqual({ lowRank: 0.8, low: false, schoolsRanked: 11 });
    // lowRankCut 0.8 takes the next school in
    expect(rankLowIndex(rows, 0.8)[8]?.low).toBe(true);
  });

  it('leaves unranked schools out of the order, with rank and low null', () => {
    const ranks = rankLowIndex([r(1, 2024, 0.2), r(1, 2024, null), r(1, 2024, 0.4)], 0.9);
    expect(ranks).toEqual([
      { lowRank: 0, low: false, schoolsRanked: 2 },
      { lowRank: null, low: null, schoolsRanked: 2 },
      { lowRank: 1, low: true, schoolsRanked: 2 },
    ]);
    expect(rankLowIndex([r(2, 2024, null)], 0.9)).toEqual([{ lowRank: null, low: null, schoolsRanked: 0 }]);
  });

  it('ranks each (region, year) separately, as percentRanksBy does', () => {
    const rows = [
      r(1, 2024, 0.3),
      r(1, 2023, 0.1),
      r(2, 2024, 0.2),
      r(1, 2024, 0.5),
      r(1, 2023, 0.4),
      r(2, 2024, 0.1),
    ];
    const expected = percentRanksBy(
      rows,
      (x) => `${x.regionId}:${x.year}`,
      (x) => x.lowIndex as number,
    );
    expect(rankLowIndex(rows, 0.9).map((x) => x.lowRank)).toEqual(expected);
    expect(expected).toEqual([0, 0, 1, 1, 1, 0]);
  });
});

describe('rankLowIndex agrees with percentRanksBy', () => {
  it('on many rounded values with ties, in several groups', () => {
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648);
    // pooled shares of small counts (many ties), rounded as schoolLowIndicators rounds them
    const rows = Array.from({ length: 3000 }, () => {
      const n = 20 + (next() % 40);
      return r(next() % 7, 2023 + (next() % 2), round12((next() % (n + 1)) / n));
    });
    const expected = percentRanksBy(
      rows,
      (x) => `${x.regionId}:${x.year}`,
      (x) => x.lowIndex as number,
    );
    expect(rankLowIndex(rows, 0.9).map((x) => x.lowRank)).toEqual(expected);
  });
});
