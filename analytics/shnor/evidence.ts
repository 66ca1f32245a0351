import { type SchoolYearCounts } from '../frames.js';
import { type MethodologyParams } from '../methodology/params.js';
import { type LowIndicators } from './indicators.js';
import { type LowRank } from './ranking.js';
import { regionYearValues } from './region-values.js';
import { type RegionValues, type YearEvidence } from './types.js';

const NO_VALUES: Readonly<RegionValues> = Object.freeze({
  vprLow: null,
  ogeLow: null,
  egeLow: null,
  lowIndex: null,
  vprN2: 0,
  vprN: 0,
  ogeN2: 0,
  ogeN: 0,
  egeBelow: 0,
  egeN: 0,
});

/** What the evidence of every school of a (region, year) shares. */
export interface RegionYearContext {
  /** one frozen object per (region, year), shared by the evidence of all its schools */
  values: Readonly<RegionValues>;
  schoolsRanked: number;
}

/**
 * Region values and ranked counts per (region, year) of `rows`, as a lookup. A region-year
 * without rows gets no values and 0 ranked schools (a school's missing year can fall there).
 */
export function regionContexts(
  rows: readonly SchoolYearCounts[],
  ranks: readonly LowRank[],
  params: MethodologyParams,
): (regionId: number, year: number) => RegionYearContext {
  const byRegion = new Map<number, Map<number, RegionYearContext>>();
  for (const v of regionYearValues(rows, params)) {
    let byYear = byRegion.get(v.regionId);
    if (!byYear) byRegion.set(v.regionId, (byYear = new Map()));
    const { vprLow, ogeLow, egeLow, lowIndex, vprN2, vprN, ogeN2, ogeN, egeBelow, egeN } = v;
    const values = Object.freeze({
      vprLow,
      ogeLow,
      egeLow,
      lowIndex,
      vprN2,
      vprN,
      ogeN2,
      ogeN,
      egeBelow,
      egeN,
    });
    byYear.set(v.year, { values, schoolsRanked: 0 });
  }
  rows.forEach((row, i) => {
    const context = byRegion.get(row.regionId)?.get(row.year);
    // every row's region-year exists; schoolsRanked is the same on each of its rows
    if (context) context.schoolsRanked = (ranks[i] as LowRank).schoolsRanked;
  });
  const none: RegionYearContext = { values: NO_VALUES, schoolsRanked: 0 };
  return (regionId, year) => byRegion.get(regionId)?.get(year) ?? none;
}

/** The evidence of a school-year with a row: its shares, rank, participants and region values. */
export function evidenceOf(
  row: SchoolYearCounts,
  indicators: LowIndicators,
  rank: LowRank,
  region: RegionYearContext,
): YearEvidence {
  return {
    year: row.year,
    vprLow: indicators.vprLow,
    ogeLow: indicators.ogeLow,
    egeLow: indicators.egeLow,
    lowIndex: indicators.lowIndex,
    lowRank: rank.lowRank,
    low: rank.low,
    vprN: row.vprN,
    ogeN: row.ogeN,
    egeN: row.egeN,
    vprN2: row.vprN2,
    ogeN2: row.ogeN2,
    egeBelow: row.egeBelow,
    hasResults: true,
    region: region.values,
    schoolsRanked: region.schoolsRanked,
  };
}

/** The evidence of a year without a row: nothing measured, compared with the region still. */
export function absentEvidence(year: number, region: RegionYearContext): YearEvidence {
  return {
    year,
    vprLow: null,
    ogeLow: null,
    egeLow: null,
    lowIndex: null,
    lowRank: null,
    low: null,
    vprN: 0,
    ogeN: 0,
    egeN: 0,
    vprN2: 0,
    ogeN2: 0,
    egeBelow: 0,
    hasResults: false,
    region: region.values,
    schoolsRanked: region.schoolsRanked,
  };
}
