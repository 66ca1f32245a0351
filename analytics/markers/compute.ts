import { type RegionCell, type VprCell } from '../frames.js';
import { markShares } from '../marks.js';
import { type MethodologyParams } from '../methodology/params.js';
import { COHORT_FROM_GRADE, COHORT_TO_GRADE, createCohortDropCheck } from './cohort-drop.js';
import { createHighVsRegionCheck } from './high-vs-region.js';
import { createJournalMismatchCheck } from './journal-mismatch.js';
import { RowIndex, rowKey, SubjectIndex } from './keys.js';
import { createScoreSpikeCheck } from './score-spike.js';
import { type Marker, type RegionStats } from './types.js';

/**
 * Region quality and mean mark per (region, y, g, j). Rows are expected already pooled per key;
 * should a key repeat, its counts are added, since pooling is what §1 prescribes.
 */
function regionStatsIndex(regionCells: readonly RegionCell[], subjects: SubjectIndex): RowIndex<RegionStats> {
  const sum = (a: RegionCell, b: RegionCell): RegionCell => ({
    ...a,
    participants: a.participants + b.participants,
    n2: a.n2 + b.n2,
    n3: a.n3 + b.n3,
    n4: a.n4 + b.n4,
    n5: a.n5 + b.n5,
  });
  const pooled = new RowIndex<RegionCell>();
  for (const rc of regionCells) {
    const key = rowKey(rc.year, rc.grade, subjects.of(rc.subject));
    const seen = pooled.get(rc.regionId, key);
    pooled.set(rc.regionId, key, seen ? sum(seen, rc) : rc);
  }
  const stats = new RowIndex<RegionStats>();
  for (const rc of pooled.values()) {
    const { quality, meanMark } = markShares(rc);
    stats.set(rc.regionId, rowKey(rc.year, rc.grade, subjects.of(rc.subject)), { quality, meanMark });
  }
  return stats;
}

/**
 * All objectivity markers of METHODOLOGY-V1 §3 on the given ВПР rows; a row can carry several.
 *
 * `cells` are the school rows of the years wanted plus, for COHORT_DROP, the following year (its
 * grade-5 rows pair with grade 4 of the year before; the newest year's grade 4 has no partner yet, so
 * it carries no COHORT_DROP). `regionCells` are the region totals per (region, y, g, j); a row whose
 * region total is missing gets no region-based marker.
 *
 * Output: in the order of `cells`, and on one row in the order of MARKER_CODES. Two passes, small-integer
 * Map keys, no allocation for rows that carry no marker, and rounded arithmetic only near a cut-off:
 * 1.6 M rows take about 0.5–1 s, mostly spent on building (and collecting) the markers themselves.
 */
export function computeMarkers(
  cells: readonly VprCell[],
  regionCells: readonly RegionCell[],
  params: MethodologyParams,
): Marker[] {
  const { minMarkerN, cohortSubjects } = params.markers;
  const cohort = new Set(cohortSubjects);
  const subjects = new SubjectIndex();
  const regions = regionStatsIndex(regionCells, subjects);
  const highVsRegion = createHighVsRegionCheck(params);
  const journalMismatch = createJournalMismatchCheck(params);
  const cohortDrop = createCohortDropCheck(params);
  const scoreSpike = createScoreSpikeCheck(params);

  // Pass 1: the grade-5 partners of cohorts, by (school, year, subject).
  const grade5 = new RowIndex<VprCell>();
  for (const cell of cells) {
    if (cell.grade === COHORT_TO_GRADE && cell.participants >= minMarkerN && cohort.has(cell.subject)) {
      grade5.set(cell.schoolId, rowKey(cell.year, COHORT_TO_GRADE, subjects.of(cell.subject)), cell);
    }
  }

  // Pass 2: every marker of every row. Every rule needs N ≥ minMarkerN, so smaller rows stop here.
  const markers: Marker[] = [];
  // Rows come grouped by school, hence by region: the region's rows are looked up once per run of rows.
  let regionId = Number.NaN;
  let regionRows = regions.rowsOf(regionId);
  for (const cell of cells) {
    if (cell.participants < minMarkerN) continue;
    const slot = subjects.of(cell.subject);
    if (cell.regionId !== regionId) {
      regionId = cell.regionId;
      regionRows = regions.rowsOf(regionId);
    }
    const region = regionRows?.get(rowKey(cell.year, cell.grade, slot));

    const high = highVsRegion(cell, region);
    if (high) markers.push(high);
    const journal = journalMismatch(cell);
    if (journal) markers.push(journal);
    if (cell.grade === COHORT_FROM_GRADE && cohort.has(cell.subject)) {
      const next = grade5.get(cell.schoolId, rowKey(cell.year + 1, COHORT_TO_GRADE, slot));
      if (next) {
        // each row is compared with its own year's region (a school that moved region keeps its history)
        const nextRegion = regions.get(next.regionId, rowKey(next.year, COHORT_TO_GRADE, slot));
        const drop = cohortDrop(cell, next, region, nextRegion);
        if (drop) markers.push(drop);
      }
    }
    const spike = scoreSpike(cell);
    if (spike) markers.push(spike);
  }
  return markers;
}
