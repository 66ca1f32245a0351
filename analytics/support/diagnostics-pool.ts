import { ratio, round12 } from '../arithmetic.js';
import { firstOfMonth, previousDay } from './dates.js';
import { type DiagnosticStage, type SupportParams } from './params.js';

/**
 * SUPPORT-V1 §5, local diagnostics, for one school and one subject: «Take the rows of s dated in
 * [W0, D], keeping the latest per (grade, stage). Pool them over the grades present in both
 * `diagStages` = (ENTRANCE, INTERMEDIATE): share2 = Σn2/ΣN, defined when ΣN ≥ `minDiagN` = 10.
 * `change` = share2(INTERMEDIATE) − share2(ENTRANCE), null unless both are defined.»
 *
 * Shared by the execution monitoring (window [W0, D]) and a school's dynamics (window = a school
 * year), so both show the same figure for the same rows. The caller narrows the rows to one school
 * and one subject; rows of other stages (FINAL) are read and left out.
 */

/** One stored diagnostic, as much of it as the rule reads. */
export interface DiagnosticCounts {
  grade: number;
  stage: DiagnosticStage;
  /** ISO YYYY-MM-DD. */
  date: string;
  /** N, the students who wrote it. */
  participants: number;
  n2: number;
}

/** Both ends included, ISO dates. */
export interface DateWindow {
  from: string;
  to: string;
}

export type DiagnosticsPoolParams = Pick<SupportParams['monitoring'], 'diagStages' | 'minDiagN'>;

/** One stage pooled over the grades present in both stages. */
export interface StagePool {
  stage: DiagnosticStage;
  /** Σn2 / ΣN (§7 rounding); null when ΣN < minDiagN. */
  share2: number | null;
  /** ΣN, reported whether or not share2 is defined, so a reader sees why it is not. */
  n: number;
  n2: number;
  /** The grades pooled, ascending: the same for both stages. */
  grades: number[];
  /** The earliest and latest dates of the rows pooled; null when none. */
  firstDate: string | null;
  lastDate: string | null;
}

export interface DiagnosticsPool {
  /** In the order of diagStages: (from, to). */
  stages: [StagePool, StagePool];
  /** The pooled grades (present in both stages). */
  grades: number[];
  /** Grades with a row in one of the two stages only, ascending: left out of both pools. */
  unpairedGrades: number[];
  /** share2(to) − share2(from) of the exact ratios, then §7 rounding; null unless both are defined. */
  change: number | null;
}

/** The latest row of each grade of one stage within the window (the unique key makes dates distinct). */
function latestPerGrade(rows: readonly DiagnosticCounts[], stage: DiagnosticStage, window: DateWindow) {
  const latest = new Map<number, DiagnosticCounts>();
  for (const row of rows) {
    if (row.stage !== stage || row.date < window.from || row.date > window.to) continue;
    const kept = latest.get(row.grade);
    if (!kept || row.date > kept.date) latest.set(row.grade, row);
  }
  return latest;
}

function pool(
  stage: DiagnosticStage,
  latest: Map<number, DiagnosticCounts>,
  grades: number[],
  minN: number,
): StagePool {
  const pooled = grades.map((g) => latest.get(g)!);
  const n = pooled.reduce((sum, r) => sum + r.participants, 0);
  const n2 = pooled.reduce((sum, r) => sum + r.n2, 0);
  const dates = pooled.map((r) => r.date).sort();
  return {
    stage,
    share2: n >= minN ? ratio(n2, n) : null,
    n,
    n2,
    grades,
    firstDate: dates[0] ?? null,
    lastDate: dates.at(-1) ?? null,
  };
}

/** §5 local diagnostics of one school and subject over `window` (ISO dates compare as strings). */
export function pooledShare2(
  rows: readonly DiagnosticCounts[],
  window: DateWindow,
  params: DiagnosticsPoolParams,
): DiagnosticsPool {
  const [fromStage, toStage] = params.diagStages;
  const first = latestPerGrade(rows, fromStage, window);
  const second = latestPerGrade(rows, toStage, window);
  const all = [...new Set([...first.keys(), ...second.keys()])].sort((a, b) => a - b);
  const grades = all.filter((g) => first.has(g) && second.has(g));
  const unpairedGrades = all.filter((g) => !(first.has(g) && second.has(g)));
  const a = pool(fromStage, first, grades, params.minDiagN);
  const b = pool(toStage, second, grades, params.minDiagN);
  // from the counts, not the rounded shares: −169/1980 is −0.085353535354, the rounded shares' difference …353
  const change = a.share2 !== null && b.share2 !== null ? round12(b.n2 / b.n - a.n2 / a.n) : null;
  return { stages: [a, b], grades, unpairedGrades, change };
}

/**
 * The school year A/A+1 (SUPPORT-V1 §2: 1 Sep A … 31 Aug A+1, the month a parameter) that follows
 * the spring of ВПР year A: the year of support of list year A, when its diagnostics are written.
 */
export function schoolYearWindow(year: number, startMonth: number): DateWindow {
  return { from: firstOfMonth(year, startMonth), to: previousDay(firstOfMonth(year + 1, startMonth)) };
}
