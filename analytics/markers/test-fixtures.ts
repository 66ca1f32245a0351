/** Builders for the marker tests: rows with only what a test states, the rest neutral. */
import { type RegionCell, type VprCell } from '../frames.js';
import { DEFAULT_V1, type MethodologyParams } from '../methodology/params.js';

interface Marks {
  n2?: number;
  n3?: number;
  n4?: number;
  n5?: number;
}

/** A school row; participants = n2 + n3 + n4 + n5. Defaults: school 1 of region 77, SOSH, 2023, 4 RU. */
export function vpr(
  marks: Marks,
  rest: Partial<Omit<VprCell, 'participants' | 'n2' | 'n3' | 'n4' | 'n5'>> = {},
): VprCell {
  const { n2 = 0, n3 = 0, n4 = 0, n5 = 0 } = marks;
  return {
    schoolId: 1,
    regionId: 77,
    schoolType: 'SOSH',
    year: 2023,
    grade: 4,
    subject: 'RU',
    raised: null,
    scores: null,
    maxScore: null,
    ...rest,
    participants: n2 + n3 + n4 + n5,
    n2,
    n3,
    n4,
    n5,
  };
}

/** A region total; defaults region 77, 2023, 4 RU. */
export function region(
  marks: Marks,
  rest: Partial<Pick<RegionCell, 'regionId' | 'year' | 'grade' | 'subject'>> = {},
): RegionCell {
  const { n2 = 0, n3 = 0, n4 = 0, n5 = 0 } = marks;
  return {
    regionId: 77,
    year: 2023,
    grade: 4,
    subject: 'RU',
    ...rest,
    participants: n2 + n3 + n4 + n5,
    n2,
    n3,
    n4,
    n5,
  };
}

/** A score distribution 0..maxScore with the given counts at the given scores. */
export function scores(maxScore: number, at: Record<number, number>): number[] {
  return Array.from({ length: maxScore + 1 }, (_, p) => at[p] ?? 0);
}

/** DEFAULT_V1 with some marker parameters overridden. */
export function withMarkers(markers: Partial<MethodologyParams['markers']>): MethodologyParams {
  return { ...DEFAULT_V1, markers: { ...DEFAULT_V1.markers, ...markers } };
}
