import { describe, expect, it } from 'vitest';
import { hiddenSiblings, isSmall, type PlaceCell, suppressedCells } from './small-cells.js';

const muni = (regionId: number, municipalityId: number, schools: number, key = '2026'): PlaceCell => ({
  regionId,
  municipalityId,
  key,
  schools,
});
const region = (regionId: number, schools: number, key = '2026'): PlaceCell => ({ regionId, key, schools });
const ids = (cells: Set<PlaceCell>) =>
  [...cells].map((c) => `${c.regionId}/${c.municipalityId ?? '-'}/${c.key}`).sort();

describe('isSmall', () => {
  it('is some schools but fewer than the minimum; an empty group discloses nothing', () => {
    expect([0, 1, 4, 5, 6].map((n) => isSmall(n, 5))).toEqual([false, true, true, false, false]);
  });
});

describe('hiddenSiblings', () => {
  const cells = (...schools: number[]) => schools.map((n, order) => ({ schools: n, order }));
  const hiddenOf = (list: { schools: number; order: number }[], min: number, parentHidden = false) =>
    [...hiddenSiblings(list, min, parentHidden)].map((c) => c.order).sort();

  it('hides nothing when no sibling is small and the parent is shown', () => {
    expect(hiddenOf(cells(10, 5, 7), 5)).toEqual([]);
  });

  it('hides the next smallest sibling when one small cell alone would be a difference of totals', () => {
    // 3 < 5 is hidden; 3 < 5 still, so the next smallest (6) goes too: 9 ≥ 5
    expect(hiddenOf(cells(10, 3, 6, 8), 5)).toEqual([1, 2]);
  });

  it('stops as soon as the hidden cells together reach the minimum', () => {
    expect(hiddenOf(cells(2, 3, 1, 20, 30), 5)).toEqual([0, 1, 2]);
    expect(hiddenOf(cells(4, 4, 9, 9), 5)).toEqual([0, 1]);
  });

  it('hides every sibling when all of them together are fewer than the minimum', () => {
    expect(hiddenOf(cells(1, 2), 5)).toEqual([0, 1]);
  });

  it('breaks ties by order, so the same data always hides the same cells', () => {
    expect(hiddenOf(cells(9, 2, 9, 9), 5)).toEqual([0, 1]);
  });

  it('hides enough children of a hidden parent even when none of them is small', () => {
    expect(hiddenOf(cells(12, 6, 8), 5, true)).toEqual([1]);
    expect(hiddenOf(cells(12, 6, 8), 10, true)).toEqual([1, 2]);
  });
});

describe('suppressedCells', () => {
  it('hides nothing when the minimum is 1 or 0', () => {
    expect(suppressedCells([muni(1, 1, 1), muni(1, 2, 20)], 1).size).toBe(0);
    expect(suppressedCells([region(1, 1)], 0).size).toBe(0);
  });

  it('decides municipality cells within each region and key apart', () => {
    const cells = [
      muni(1, 1, 2),
      muni(1, 2, 30),
      muni(1, 3, 7),
      muni(1, 1, 40, '2025'),
      muni(1, 2, 30, '2025'),
      muni(1, 3, 7, '2025'),
      muni(2, 4, 1),
      muni(2, 5, 1),
    ];
    expect(ids(suppressedCells(cells, 5))).toEqual(['1/1/2026', '1/3/2026', '2/4/2026', '2/5/2026']);
  });

  it('the hidden municipality cells of a region never count fewer schools than the minimum, unless all are hidden', () => {
    const cells = [muni(1, 1, 1), muni(1, 2, 1), muni(1, 3, 2), muni(1, 4, 5), muni(1, 5, 50)];
    const hidden = [...suppressedCells(cells, 5)];
    expect(hidden.reduce((sum, c) => sum + c.schools, 0)).toBeGreaterThanOrEqual(5);
    expect(ids(new Set(hidden))).toEqual(['1/1/2026', '1/2/2026', '1/3/2026', '1/4/2026']);
  });

  it('region cells: the regions of the country are siblings', () => {
    const cells = [region(1, 300), region(2, 3), region(3, 250), region(4, 200)];
    expect(ids(suppressedCells(cells, 5))).toEqual(['2/-/2026', '4/-/2026']);
  });

  it('a region hidden as the complement of another hides enough of its municipalities too', () => {
    // region 1: 3 schools (small); region 2: 6 + 7 = 13, the next smallest, hidden with it;
    // its municipalities (6, 7) are not small, but their sum would give region 2 back
    const cells = [muni(1, 1, 3), muni(2, 2, 6), muni(2, 3, 7), muni(3, 4, 100), muni(3, 5, 90)];
    expect(ids(suppressedCells(cells, 5))).toEqual(['1/1/2026', '2/2/2026']);
  });
});
