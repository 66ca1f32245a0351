/**
 * Small-cell suppression of the public statistics (README: Security).
 *
 * A public table is a set of cells: a place (the country, a region or a municipality) × one value of
 * the other dimensions of the grouping (year, grade, subject; `key`). A cell counting fewer than
 * `minSchools` schools is hidden (primary suppression). Because a parent's total is public too (the
 * region row, the country row), hiding a cell alone is not enough: region total − the visible
 * municipalities would give it back. So among the siblings of one parent (the municipalities of a
 * region, the regions of the country) for the same key, the hidden cells together must count at
 * least `minSchools` schools, or all of them are hidden: the next smallest siblings are hidden too
 * (complementary suppression). A parent that is hidden itself (e.g. a region hidden as the complement
 * of another) must not be recoverable as the sum of its children either, so its children follow the
 * same rule as if one of them were small.
 *
 * The cells must be the full data of the parents (every municipality of the region, every region),
 * not only those a query asked for, so the decision does not depend on the query's place filter.
 */

/** One group of the full data: where, for which year/grade/subject, and how many schools. */
export interface PlaceCell {
  regionId: number;
  /** Absent for a region cell. */
  municipalityId?: number;
  /** The values of the non-place dimensions, as one string (e.g. `2026|4|RU`). */
  key: string;
  schools: number;
}

/** Primary suppression: some schools, but fewer than `minSchools`. */
export function isSmall(schools: number, minSchools: number): boolean {
  return schools > 0 && schools < minSchools;
}

interface Sibling {
  schools: number;
  /** Tie-break, so the same data always hides the same cells. */
  order: number;
}

/**
 * Which of one parent's children (same key) are hidden: the smallest first. A group of no school
 * (an empty total) discloses nothing and is not hidden.
 */
export function hiddenSiblings<T extends Sibling>(
  siblings: readonly T[],
  minSchools: number,
  parentHidden = false,
): Set<T> {
  const sorted = [...siblings].sort((a, b) => a.schools - b.schools || a.order - b.order);
  const small = (c: T) => isSmall(c.schools, minSchools);
  const required = parentHidden || sorted.some(small);
  const hidden = new Set<T>();
  let hiddenSchools = 0;
  for (const cell of sorted) {
    if (small(cell) || (required && hiddenSchools < minSchools)) {
      hidden.add(cell);
      hiddenSchools += cell.schools;
    }
  }
  return hidden;
}

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    let group = groups.get(key);
    if (!group) groups.set(key, (group = []));
    group.push(item);
  }
  return groups;
}

/** The hidden region cells: siblings are the regions of the country with the same key. */
function hiddenRegions<T extends PlaceCell>(regions: readonly T[], minSchools: number): Set<T> {
  const hidden = new Set<T>();
  for (const siblings of groupBy(regions, (c) => c.key).values()) {
    const ordered = siblings.map((cell) => ({ cell, schools: cell.schools, order: cell.regionId }));
    for (const s of hiddenSiblings(ordered, minSchools)) hidden.add(s.cell);
  }
  return hidden;
}

/**
 * The cells to hide from the public. `cells` are all municipality cells (each with its region) or all
 * region cells (no municipalityId) of the full data for one grouping; the result is a subset of them.
 * With municipality cells, the region cells are their sums (a school is in one municipality), and a
 * region hidden among the regions hides enough of its municipalities too.
 */
export function suppressedCells<T extends PlaceCell>(cells: readonly T[], minSchools: number): Set<T> {
  if (minSchools <= 1) return new Set();
  const municipal = cells.filter((c) => c.municipalityId !== undefined);
  if (municipal.length === 0) return hiddenRegions(cells, minSchools);

  const regionKey = (c: PlaceCell) => `${c.regionId}\u0000${c.key}`;
  const byRegion = groupBy(municipal, regionKey);
  const regions = [...byRegion.values()].map((children) => ({
    regionId: children[0]!.regionId,
    key: children[0]!.key,
    schools: children.reduce((sum, c) => sum + c.schools, 0),
  }));
  const hiddenRegionKeys = new Set([...hiddenRegions(regions, minSchools)].map(regionKey));
  const hidden = new Set<T>();
  for (const [key, children] of byRegion) {
    const ordered = children.map((cell) => ({ cell, schools: cell.schools, order: cell.municipalityId! }));
    for (const s of hiddenSiblings(ordered, minSchools, hiddenRegionKeys.has(key))) hidden.add(s.cell);
  }
  return hidden;
}
