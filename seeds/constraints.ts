import {
  EGE_SUBJECTS,
  Locality,
  MAA_GRADES,
  OGE_SUBJECTS,
  SchoolType,
  VPR_GRADES,
  VPR_SUBJECTS,
} from '../schema/enums.js';
import { STORED_INDICATOR_CODES, indicatorValueKind } from '../schema/indicator-codes.js';

/**
 * The rules of the initial migration (CHECKs, keys, references) and of DATA-FORMATS.md, applied to a
 * generated row in memory, so tests can tell exactly which row would break a load. Returns the
 * broken rule, or null.
 */

/** Keys seen so far per table (primary keys and natural keys), for uniqueness and references. */
export type Seen = Map<string, Set<string | number>>;

const int = (x: unknown): x is number => typeof x === 'number' && Number.isInteger(x);
const nonNegative = (x: unknown) => int(x) && x >= 0;

function unique(seen: Seen, table: string, key: string | number): string | null {
  const set = seen.get(table) ?? new Set();
  seen.set(table, set);
  if (set.has(key)) return `duplicate key ${key}`;
  set.add(key);
  return null;
}

const exists = (seen: Seen, table: string, key: unknown) => seen.get(table)?.has(key as number) ?? false;

function marks(r: Record<string, unknown>): string | null {
  const { participants: n, n2, n3, n4, n5 } = r;
  if (!int(n) || n < 1) return 'participants < 1';
  if (![n2, n3, n4, n5].every(nonNegative)) return 'negative mark count';
  if ((n2 as number) + (n3 as number) + (n4 as number) + (n5 as number) !== n) return 'marks do not sum to N';
  return null;
}

function vpr(r: Record<string, unknown>): string | null {
  if (!(VPR_GRADES as readonly unknown[]).includes(r.grade)) return 'grade';
  if (!VPR_SUBJECTS.includes(r.subject as never)) return 'subject';
  if (r.subject === 'MAA' && !MAA_GRADES.includes(r.grade as number)) return 'MAA outside grades 7–8';
  const m = marks(r);
  if (m) return m;
  const journal = [r.lowered, r.confirmed, r.raised];
  if (journal.some((x) => x !== null)) {
    if (!journal.every(nonNegative)) return 'journal counts: all three or none, non-negative';
    if ((journal as number[]).reduce((a, b) => a + b, 0) > (r.participants as number))
      return 'journal sum > N';
  }
  if (r.scores !== null) {
    const scores = r.scores as number[];
    if (!int(r.max_score) || scores.length !== r.max_score + 1) return 'scores length ≠ max_score + 1';
    if (!scores.every(nonNegative)) return 'negative score count';
    if (scores.reduce((a, b) => a + b, 0) !== r.participants) return 'scores do not sum to N';
  }
  return null;
}

function indicator(r: Record<string, unknown>): string | null {
  const code = r.code as string;
  const value = r.value;
  if (!STORED_INDICATOR_CODES.includes(code)) return 'indicator code';
  if (typeof value !== 'number' || !Number.isFinite(value)) return 'value';
  const kind = indicatorValueKind(code);
  if (kind === 'FLAG' && value !== 0 && value !== 1) return 'flag not 0/1';
  if (kind === 'SHARE' && (value < 0 || value > 1)) return 'share outside [0, 1]';
  if (value < 0) return 'negative value';
  return null;
}

export function checkRow(
  table: string,
  columns: readonly string[],
  row: readonly unknown[],
  seen: Seen,
): string | null {
  const r: Record<string, unknown> = Object.fromEntries(columns.map((c, i) => [c, row[i]]));
  const key = (...cols: string[]) => cols.map((c) => String(r[c])).join(':');
  switch (table) {
    case 'region':
      if (!/^\d{2}$/.test(String(r.code)) || !r.name) return 'region code or name';
      return unique(seen, 'region', r.id as number) ?? unique(seen, 'region.code', r.code as string);
    case 'municipality':
      if (!exists(seen, 'region', r.region_id)) return 'unknown region';
      return (
        unique(seen, 'municipality', r.id as number) ??
        unique(seen, 'municipality.name', key('region_id', 'name'))
      );
    case 'school':
      if (!exists(seen, 'municipality', r.municipality_id)) return 'unknown municipality';
      if (!nonNegative(r.students)) return 'students < 0';
      if (!Object.values(SchoolType).includes(r.type as SchoolType)) return 'type';
      if (!Object.values(Locality).includes(r.locality as Locality)) return 'locality';
      return unique(seen, 'school', r.id as number) ?? unique(seen, 'school.code', r.code as string);
    case 'ege_minimum':
      if (!nonNegative(r.threshold) || !EGE_SUBJECTS.includes(r.subject as never))
        return 'threshold or subject';
      return unique(seen, table, key('subject', 'year'));
    case 'vpr_result':
      if (!exists(seen, 'school', r.school_id)) return 'unknown school';
      return vpr(r) ?? unique(seen, table, key('school_id', 'year', 'grade', 'subject'));
    case 'oge_result':
      if (!exists(seen, 'school', r.school_id)) return 'unknown school';
      if (!OGE_SUBJECTS.includes(r.subject as never)) return 'subject';
      if (r.mean_primary !== null && !((r.mean_primary as number) >= 0)) return 'mean_primary < 0';
      return marks(r) ?? unique(seen, table, key('school_id', 'year', 'subject'));
    case 'ege_result': {
      if (!exists(seen, 'school', r.school_id)) return 'unknown school';
      if (!EGE_SUBJECTS.includes(r.subject as never)) return 'subject';
      const n = r.participants as number;
      if (!int(n) || n < 1 || !nonNegative(r.below_min) || (r.below_min as number) > n)
        return 'participants/below_min';
      const mean = r.mean_score;
      if (mean !== null && !(typeof mean === 'number' && mean >= 0 && mean <= 100)) return 'mean_score';
      return unique(seen, table, key('school_id', 'year', 'subject'));
    }
    case 'indicator_value':
      if (!exists(seen, 'school', r.school_id)) return 'unknown school';
      return indicator(r) ?? unique(seen, table, key('school_id', 'year', 'code'));
    case 'seed_truth':
      if (!exists(seen, 'school.code', r.school_code)) return 'unknown school code';
      return unique(seen, table, r.school_code as string);
    default:
      return `unknown table ${table}`;
  }
}
