import { describe, expect, it } from 'vitest';
import { percentRanks, percentRanksBy } from './percent-rank.js';

describe('percentRanks (PostgreSQL PERCENT_RANK, ascending)', () => {
  it('is (rank − 1) / (n − 1)', () => {
    // sorted: 0.1 (rank 1), 0.2 (rank 2), 0.3 (rank 3), 0.4 (rank 4); n − 1 = 3
    expect(percentRanks([0.3, 0.1, 0.4, 0.2])).toEqual(
      [2 / 3, 0, 1, 1 / 3].map((x) => Number(x.toFixed(12))),
    );
  });

  it('gives ties the lowest rank', () => {
    // 0.1 rank 1; 0.2, 0.2 rank 2; 0.5 rank 4 → (4 − 1)/3 = 1
    expect(percentRanks([0.2, 0.1, 0.2, 0.5])).toEqual(
      [1 / 3, 0, 1 / 3, 1].map((x) => Number(x.toFixed(12))),
    );
  });

  it('ties values equal on paper but not in floating point', () => {
    expect(percentRanks([0.1 + 0.2, 0.3, 0.0])).toEqual([0.5, 0.5, 0]);
  });

  it('is 0 for a group of one, and empty for none', () => {
    expect(percentRanks([0.7])).toEqual([0]);
    expect(percentRanks([])).toEqual([]);
  });

  it('ranks within groups', () => {
    const items = [
      { g: 'a', v: 3 },
      { g: 'b', v: 1 },
      { g: 'a', v: 1 },
      { g: 'b', v: 2 },
      { g: 'c', v: 9 },
    ];
    expect(
      percentRanksBy(
        items,
        (i) => i.g,
        (i) => i.v,
      ),
    ).toEqual([1, 0, 0, 1, 0]);
  });
});
