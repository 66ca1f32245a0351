import { type SchoolYearCounts } from '../frames.js';

/** A school-year row for tests: only the counts a case is about, the rest zero. */
export function countsRow(
  schoolId: number,
  regionId: number,
  year: number,
  counts: Partial<Pick<SchoolYearCounts, 'vprN2' | 'vprN' | 'ogeN2' | 'ogeN' | 'egeBelow' | 'egeN'>>,
): SchoolYearCounts {
  return {
    schoolId,
    municipalityId: regionId * 100 + 1,
    regionId,
    schoolType: 'SCHOOL',
    year,
    vprN2: 0,
    vprN: 0,
    ogeN2: 0,
    ogeN: 0,
    egeBelow: 0,
    egeN: 0,
    ...counts,
  };
}
