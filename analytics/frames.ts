/**
 * The shapes the SQL reductions hand to the pure analytics functions: plain rows, about
 * schools × years of them, never raw result rows of a whole country.
 */

/** The pooled numerators and denominators of §1's three shares, of a school or a region. */
export interface PooledCounts {
  /** Σ n2 and Σ N over the ВПР core set */
  vprN2: number;
  vprN: number;
  /** Σ «2» and Σ N over the ОГЭ subjects */
  ogeN2: number;
  ogeN: number;
  /** Σ below-minimum and Σ N over the ЕГЭ subjects */
  egeBelow: number;
  egeN: number;
}

/** Pooled counts of one school in one year over the methodology's subject sets (METHODOLOGY-V1 §1). */
export interface SchoolYearCounts extends PooledCounts {
  schoolId: number;
  municipalityId: number;
  regionId: number;
  /** SchoolType code (GYMNASIUM, LYCEUM, …) */
  schoolType: string;
  year: number;
}

/** One ВПР row of a school (s, y, g, j) with what the markers need (METHODOLOGY-V1 §3). */
export interface VprCell {
  schoolId: number;
  regionId: number;
  schoolType: string;
  year: number;
  grade: number;
  subject: string;
  participants: number;
  n2: number;
  n3: number;
  n4: number;
  n5: number;
  /** Journal comparison «Повысили», null when the file had none */
  raised: number | null;
  /** Primary-score distribution 0..maxScore, null when absent */
  scores: number[] | null;
  maxScore: number | null;
}

/** Region totals of one (y, g, j): the comparison base of HIGH_VS_REGION and COHORT_DROP. */
export interface RegionCell {
  regionId: number;
  year: number;
  grade: number;
  subject: string;
  participants: number;
  n2: number;
  n3: number;
  n4: number;
  n5: number;
}

/** Survey/context indicator values of one school in one year, by code. */
export interface SchoolYearIndicators {
  schoolId: number;
  regionId: number;
  year: number;
  values: Record<string, number>;
}
