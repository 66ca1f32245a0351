import type { Locality, SchoolType } from '../schema/enums.js';

/** Types shared by the generator modules, and the three scales. */

export type ScaleName = 'test' | 'demo' | 'national';
export const SCALE_NAMES: readonly ScaleName[] = ['test', 'demo', 'national'];
export const DEFAULT_SEED = 20261123;

export type TruthKind = 'PERSISTENTLY_LOW' | 'IMPROVING' | 'INFLATED';

export interface TruthEntry {
  schoolCode: string;
  kind: TruthKind;
  /**
   * PERSISTENTLY_LOW: every year (low throughout). IMPROVING: the early years in which the school was
   * planted low (it recovers afterwards). INFLATED: the years whose ВПР results were inflated (all).
   */
  years: number[];
}

export interface ScaleSpec {
  readonly name: ScaleName;
  readonly years: readonly number[];
  /** All 85 regions (national) or only the four regions of the seed documents. */
  readonly allRegions: boolean;
  /** Only the municipalities named in the documents (test) or all listed real ones. */
  readonly coreMunicipalitiesOnly: boolean;
  readonly schools: number;
  /** Target municipality count (national: real ones plus generated ones). */
  readonly municipalities: number;
  readonly minRegionSchools: number;
}

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

export const SCALES: Readonly<Record<ScaleName, ScaleSpec>> = {
  test: {
    name: 'test',
    years: range(2024, 2026),
    allRegions: false,
    coreMunicipalitiesOnly: true,
    schools: 160,
    municipalities: 8,
    minRegionSchools: 40,
  },
  demo: {
    name: 'demo',
    years: range(2022, 2026),
    allRegions: false,
    coreMunicipalitiesOnly: false,
    schools: 1000,
    municipalities: 30,
    minRegionSchools: 150,
  },
  national: {
    name: 'national',
    years: range(2021, 2026),
    allRegions: true,
    coreMunicipalitiesOnly: false,
    schools: 40_000,
    municipalities: 2300,
    minRegionSchools: 60,
  },
};

/**
 * Planted group sizes as shares of each region's schools (at least one of each per region). Persistent
 * lows fill most of a region's worst decile, as the ШНОР lists of the documents suggest: two years in
 * the bottom 10 % then mostly means a real problem, not bad luck — which is what the methodology assumes.
 */
export const PLANTED_SHARES: Readonly<Record<TruthKind, number>> = {
  PERSISTENTLY_LOW: 0.065,
  IMPROVING: 0.02,
  INFLATED: 0.02,
};

export interface RegionPlan {
  id: number;
  code: string;
  name: string;
  nonNative: number;
  /** Region effect on ability (student-SD units). */
  effect: number;
}

export interface MunicipalityPlan {
  id: number;
  regionId: number;
  name: string;
  city: boolean;
  effect: number;
  /** Mean social disadvantage of the municipality (positive = poorer). */
  context: number;
}

export interface SchoolPlan {
  id: number;
  code: string;
  name: string;
  municipalityId: number;
  regionId: number;
  type: SchoolType;
  locality: Locality;
  students: number;
  /** Highest grade taught: 4 (НОШ), 9 (ООШ, some boarding schools) or 11. */
  topGrade: 4 | 9 | 11;
  /** Base number of students in one grade. */
  classSize: number;
  /** Social disadvantage, z-like (positive = poorer context). */
  context: number;
  /** Writes ВПР maths at the advanced level (MAA) in grades 7–8. */
  advancedMath: boolean;
  /** Named in the seed documents. */
  real: boolean;
  kind: TruthKind | null;
  /** Latent ability per year index (student-SD units), region effect included. */
  ability: number[];
  /** Years carried by the truth entry (see TruthEntry). */
  truthYears: number[];
}

export interface CountryPlan {
  scale: ScaleName;
  seed: number;
  years: readonly number[];
  regions: RegionPlan[];
  municipalities: MunicipalityPlan[];
  schools: SchoolPlan[];
  truth: TruthEntry[];
}
