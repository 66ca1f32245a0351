import { SchoolType, Subject } from '../schema/enums.js';
import { capQuality, countsFromShares, meanMark, softenDrop, tally, type Marks } from './marks.js';
import type { CountryPlan, SchoolPlan } from './model.js';
import { Random, clamp, normalCdf } from './random.js';
import { scoreDistribution, scoreScale } from './scores.js';

/**
 * ВПР rows in the 2024/25 pattern (METHODOLOGY.md §3.1). Students of a cohort keep their own
 * ability from grade to grade, so a school's grade 4 in y and grade 5 in y + 1 move together
 * (ordinary schools rarely show a cohort drop by chance).
 */

export const VPR_COLUMNS = [
  'school_id', 'year', 'grade', 'subject', 'participants', 'n2', 'n3', 'n4', 'n5',
  'lowered', 'confirmed', 'raised', 'scores', 'max_score',
] as const; // prettier-ignore

const { RU, MA, MAA, OM, LR, EN, HI, LI, SO, GE, BI, IN, PH, CH } = Subject;

/** Random groups per grade: one subject of each group is written besides Russian and maths. */
const GROUPS: Readonly<Record<number, readonly (readonly Subject[])[]>> = {
  4: [[OM, LR, EN]],
  5: [
    [HI, LI, EN],
    [GE, BI],
  ],
  6: [
    [HI, SO, LI, EN],
    [GE, BI],
  ],
  7: [
    [HI, SO, LI, EN],
    [GE, BI, IN, PH],
  ],
  8: [
    [HI, SO, LI, EN],
    [GE, BI, IN, PH, CH],
  ],
};
const GRADE10: readonly Subject[] = [LI, EN, GE, CH, PH, HI, SO];

const GRADE_OFFSET: Readonly<Record<number, number>> = { 4: 0.15, 5: 0, 6: -0.05, 7: -0.1, 8: -0.1, 10: 0 };
const SUBJECT_OFFSET: Partial<Record<Subject, number>> = {
  RU: 0.03,
  MA: -0.03,
  MAA: -0.2,
  OM: 0.3,
  LR: 0.2,
  EN: -0.1,
  IN: -0.1,
  PH: -0.15,
  CH: -0.1,
};
/** Cut-points on the student scale between marks 2|3, 3|4, 4|5: about 13 % «2» and 13 % «5» nationally. */
const CUTS: readonly [number, number, number] = [-1.12, 0.0, 1.12];
/** Student ability = persistent part (kept through the cohort's grades) + a part new in each test. */
const PERSISTENT = 0.85;
const FRESH = Math.sqrt(1 - PERSISTENT * PERSISTENT);

export type VprRow = [
  number, number, number, Subject, number, number, number, number, number,
  number | null, number | null, number | null, number[] | null, number | null,
]; // prettier-ignore

const isCore = (grade: number, subject: Subject) =>
  grade <= 8 && (subject === RU || subject === MA || subject === MAA);

function subjectsFor(rng: Random, school: SchoolPlan, grade: number): Subject[] {
  if (grade === 10) return rng.chance(0.6) ? rng.shuffle(GRADE10).slice(0, rng.int(1, 2)) : [];
  const maths = school.advancedMath && grade >= 7 ? MAA : MA;
  return [RU, maths, ...(GROUPS[grade] ?? []).map((g) => rng.pick(g))];
}

/** Expected region quality of (grade, subject) for a region of this effect: the ceiling reference. */
function regionQuality(regionEffect: number, offset: number): number {
  return normalCdf((regionEffect + offset - (CUTS[1] ?? 0)) / 1.03);
}

/** Expected mean mark of a class whose students' abilities are N(μ, 1). */
function expectedMeanMark(mu: number): number {
  return 2 + normalCdf(mu - CUTS[0]) + normalCdf(mu - CUTS[1]) + normalCdf(mu - CUTS[2]);
}

function journal(rng: Random, n: number, inflated: boolean): [number, number, number] {
  if (inflated) {
    const raised = Math.round(n * rng.uniform(0.28, 0.4));
    const lowered = Math.round(n * 0.02);
    return [lowered, Math.max(0, n - raised - lowered - rng.int(0, 1)), raised];
  }
  // Ordinary: raised stays under 20 % of N (no accidental JOURNAL_MISMATCH).
  const raised = Math.min(rng.binomial(n, 0.06), Math.floor(0.19 * n));
  const lowered = Math.min(n - raised, rng.binomial(n, clamp(0.18 + 0.08 * rng.normal(), 0.02, 0.5)));
  const absent = rng.binomial(n - raised - lowered, 0.03);
  return [lowered, n - raised - lowered - absent, raised];
}

/** Inflated core marks: near-perfect in grade 4, very good but lower from grade 5 on (cohort drop). */
function inflatedMarks(rng: Random, n: number, grade: number, refQuality: number): Marks {
  if (grade === 4) {
    const p5 = rng.uniform(0.84, 0.92);
    return countsFromShares(n, [0, 0.02, 0.98 - p5, p5]);
  }
  const q = Math.min(0.97, refQuality + 0.4);
  return countsFromShares(n, [0, 1 - q, q - 0.05, 0.05]);
}

export function* vprRows(plan: CountryPlan): Generator<VprRow> {
  const regionEffect = new Map(plan.regions.map((r) => [r.id, r.effect]));
  for (const school of plan.schools) {
    const rng = new Random(plan.seed, 10, school.id);
    const u = regionEffect.get(school.regionId) ?? 0;
    const selective = school.type === SchoolType.GYMNASIUM || school.type === SchoolType.LYCEUM;
    const grades =
      school.topGrade === 4 ? [4] : school.topGrade === 9 ? [4, 5, 6, 7, 8] : [4, 5, 6, 7, 8, 10];
    const cohorts = new Map<number, Float64Array>();
    // Grade-4 mean marks of ordinary rows (N ≥ 10) by `${year}:${subject}`, for the cohort-drop guard.
    const grade4 = new Map<string, number>();
    // Expected region drop from grade 4 to grade 5 (grade 4 is easier), as the marker subtracts it.
    const expectedDrop =
      expectedMeanMark(u + (GRADE_OFFSET[4] ?? 0)) - expectedMeanMark(u + (GRADE_OFFSET[5] ?? 0));
    const cohort = (entry: number): Float64Array => {
      let c = cohorts.get(entry);
      if (!c) {
        const size = Math.max(1, Math.round(school.classSize * rng.uniform(0.8, 1.2)));
        c = Float64Array.from({ length: size }, () => rng.normal());
        // Centred: students keep their place within the cohort from grade to grade, but a small
        // cohort's average does not drift from the school's ability for years (that would make
        // ordinary small schools persistently low by accident).
        const mean = c.reduce((a, b) => a + b, 0) / size;
        for (let i = 0; i < size; i++) c[i] = (c[i] ?? 0) - mean;
        cohorts.set(entry, c);
      }
      return c;
    };
    for (let t = 0; t < plan.years.length; t++) {
      const year = plan.years[t] ?? 0;
      const theta = school.ability[t] ?? 0;
      const inflated = school.kind === 'INFLATED';
      const withJournal = inflated || rng.chance(0.85);
      for (const grade of grades) {
        const students = cohort(year - grade);
        const classEffect = 0.1 * rng.normal();
        for (const subject of subjectsFor(rng, school, grade)) {
          const offset = (GRADE_OFFSET[grade] ?? 0) + (SUBJECT_OFFSET[subject] ?? 0);
          const mean = theta + classEffect + offset;
          const attend = grade >= 10 ? 0.55 : 0.92;
          // Marks are tallied as students are drawn: no per-student arrays on this hot path.
          let marks: Marks = [0, 0, 0, 0];
          let n = 0;
          for (let i = 0; i < students.length; i++) {
            if (rng.next() >= attend) continue;
            tally(marks, mean + PERSISTENT * (students[i] ?? 0) + FRESH * rng.normal(), CUTS);
            n++;
          }
          if (n === 0) {
            tally(marks, mean + PERSISTENT * (students[0] ?? 0) + FRESH * rng.normal(), CUTS);
            n = 1;
          }
          const core = isCore(grade, subject);
          const ref = regionQuality(u, offset);
          const ceiling = !selective && n >= 10 ? ref + 0.15 : 1;
          if (inflated && core) marks = inflatedMarks(rng, n, grade, ref);
          else capQuality(marks, ceiling);
          if (!inflated && n >= 10 && (subject === RU || subject === MA)) {
            if (grade === 4) grade4.set(`${year}:${subject}`, meanMark(marks));
            const before = grade === 5 ? grade4.get(`${year - 1}:${subject}`) : undefined;
            if (before !== undefined) softenDrop(marks, before - expectedDrop, 0.3, ceiling);
          }
          const j = core && withJournal ? journal(rng, n, inflated && core) : null;
          const scale = scoreScale(grade, subject);
          const scores = scale
            ? scoreDistribution(rng, scale, marks, inflated && grade === 4 ? rng.uniform(0.32, 0.42) : null)
            : null;
          yield [
            school.id, year, grade, subject, n, marks[0], marks[1], marks[2], marks[3],
            j?.[0] ?? null, j?.[1] ?? null, j?.[2] ?? null, scores, scale?.max ?? null,
          ]; // prettier-ignore
        }
      }
    }
  }
}
