import { EgeThresholdScale, SchoolType, Subject } from '../schema/enums.js';
import { tally, type Marks } from './marks.js';
import type { CountryPlan, SchoolPlan } from './model.js';
import { Random, clamp, normalCdf, round } from './random.js';

/** ОГЭ (grade 9) and ЕГЭ (grade 11) rows, and the ЕГЭ minimums (METHODOLOGY.md §3.4). */

export const OGE_COLUMNS = [
  'school_id',
  'year',
  'subject',
  'participants',
  'n2',
  'n3',
  'n4',
  'n5',
  'mean_primary',
] as const;
export const EGE_COLUMNS = [
  'school_id',
  'year',
  'subject',
  'participants',
  'below_min',
  'mean_score',
] as const;
export const EGE_MINIMUM_COLUMNS = ['subject', 'year', 'scale', 'threshold'] as const;

export type OgeRow = [number, number, Subject, number, number, number, number, number, number];
export type EgeRow = [number, number, Subject, number, number, number | null];
export type EgeMinimumRow = [Subject, number, EgeThresholdScale, number];

/** ЕГЭ minimums, unchanged 2019–2026: test scores, and a mark «3» for base maths. */
const EGE_MINIMUMS: readonly (readonly [Subject, EgeThresholdScale, number])[] = [
  [Subject.RU, EgeThresholdScale.TEST_SCORE, 24],
  [Subject.MAP, EgeThresholdScale.TEST_SCORE, 27],
  [Subject.MAB, EgeThresholdScale.MARK, 3],
  [Subject.PH, EgeThresholdScale.TEST_SCORE, 36],
  [Subject.CH, EgeThresholdScale.TEST_SCORE, 36],
  [Subject.BI, EgeThresholdScale.TEST_SCORE, 36],
  [Subject.IN, EgeThresholdScale.TEST_SCORE, 40],
  [Subject.HI, EgeThresholdScale.TEST_SCORE, 32],
  [Subject.LI, EgeThresholdScale.TEST_SCORE, 32],
  [Subject.GE, EgeThresholdScale.TEST_SCORE, 37],
  [Subject.SO, EgeThresholdScale.TEST_SCORE, 42],
  [Subject.EN, EgeThresholdScale.TEST_SCORE, 22],
  [Subject.DE, EgeThresholdScale.TEST_SCORE, 22],
  [Subject.FR, EgeThresholdScale.TEST_SCORE, 22],
];

export function* egeMinimumRows(plan: CountryPlan): Generator<EgeMinimumRow> {
  for (const year of plan.years)
    for (const [subject, scale, threshold] of EGE_MINIMUMS) yield [subject, year, scale, threshold];
}

/** ОГЭ cut-points: after retakes few «2»s remain (about 6 % nationally). */
const OGE_CUTS: readonly [number, number, number] = [-1.55, -0.1, 1.0];
/** Typical primary score of each mark: Russian (max 33) and maths (max 31). */
const OGE_MIDPOINTS: Readonly<Partial<Record<Subject, readonly number[]>>> = {
  RU: [10, 19, 26, 31],
  MA: [5, 11, 17, 24],
};

const hasGrade9 = (s: SchoolPlan) => s.topGrade >= 9;
const hasGrade11 = (s: SchoolPlan) => s.topGrade === 11;

export function* ogeRows(plan: CountryPlan): Generator<OgeRow> {
  for (const school of plan.schools) {
    if (!hasGrade9(school)) continue;
    const rng = new Random(plan.seed, 20, school.id);
    for (let t = 0; t < plan.years.length; t++) {
      const year = plan.years[t] ?? 0;
      const theta = school.ability[t] ?? 0;
      const size = Math.max(1, Math.round(school.classSize * rng.uniform(0.85, 1.1)));
      const classEffect = 0.1 * rng.normal();
      for (const subject of [Subject.RU, Subject.MA]) {
        const m: Marks = [0, 0, 0, 0];
        for (let i = 0; i < size; i++) tally(m, theta + classEffect + rng.normal(), OGE_CUTS);
        const mids = OGE_MIDPOINTS[subject] ?? [0, 0, 0, 0];
        const mean =
          (m[0] * (mids[0] ?? 0) + m[1] * (mids[1] ?? 0) + m[2] * (mids[2] ?? 0) + m[3] * (mids[3] ?? 0)) /
          size;
        yield [
          school.id,
          year,
          subject,
          size,
          m[0],
          m[1],
          m[2],
          m[3],
          round(Math.max(0, mean + 0.6 * rng.normal()), 2),
        ];
      }
    }
  }
}

export function* egeRows(plan: CountryPlan): Generator<EgeRow> {
  for (const school of plan.schools) {
    if (!hasGrade11(school)) continue;
    const rng = new Random(plan.seed, 30, school.id);
    const selective = school.type === SchoolType.GYMNASIUM || school.type === SchoolType.LYCEUM;
    for (let t = 0; t < plan.years.length; t++) {
      const year = plan.years[t] ?? 0;
      const theta = school.ability[t] ?? 0;
      // About 55 % of a grade-9 cohort stays on for grade 11.
      const n = Math.max(1, Math.round(school.classSize * rng.uniform(0.45, 0.65)));
      const ru = rng.binomial(n, normalCdf(-2.4 - 1.3 * theta));
      yield [school.id, year, Subject.RU, n, ru, round(clamp(69 + 11 * theta + 3 * rng.normal(), 30, 98), 2)];
      // Profile maths: the stronger the school, the more take it.
      const profile = rng.binomial(n, clamp(0.45 + 0.15 * theta + (selective ? 0.2 : 0), 0.05, 0.95));
      if (profile > 0) {
        const below = rng.binomial(profile, normalCdf(-1.15 - 1.1 * theta));
        yield [
          school.id,
          year,
          Subject.MAP,
          profile,
          below,
          round(clamp(56 + 13 * theta + 4 * rng.normal(), 10, 95), 2),
        ];
      }
      const base = n - profile;
      if (base > 0)
        yield [school.id, year, Subject.MAB, base, rng.binomial(base, normalCdf(-2.0 - 1.3 * theta)), null];
    }
  }
}
