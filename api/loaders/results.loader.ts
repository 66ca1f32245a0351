import { type Knex } from '@mikro-orm/postgresql';
import { ratio } from '../../analytics/arithmetic.js';
import { type MarkCounts } from '../../analytics/marks.js';
import { MarkRow } from '../graphql/types/mark-row.js';
import { type Subject } from '../../schema/enums.js';
import { type Viewer } from '../../db/viewer.js';
import { scopedSchools } from '../services/school-query.js';
import { groupInto } from './keyed.js';

export interface ResultArgs {
  year?: number | null;
  grade?: number | null;
  subject?: Subject | null;
  /** Only the latest year the school has results of (after the other conditions). */
  latest?: boolean | null;
}

type Table = 'vpr_result' | 'oge_result' | 'ege_result';

/** Result rows of many schools in one statement, scoped through the schools they belong to. */
async function loadResults<R extends { schoolId: number }>(
  knex: Knex,
  viewer: Viewer,
  table: Table,
  columns: string[],
  args: ResultArgs,
  schoolIds: readonly number[],
): Promise<R[][]> {
  const query = scopedSchools(knex, viewer, null)
    .join({ r: table }, 'r.school_id', 's.id')
    .whereIn('s.id', [...schoolIds])
    .select(['r.school_id as schoolId', 'r.year', 'r.subject', ...columns]);
  if (args.year) query.where('r.year', args.year);
  if (args.subject) query.where('r.subject', args.subject);
  if (args.grade && table === 'vpr_result') query.where('r.grade', args.grade);
  if (args.latest) {
    // The latest year per school, found once per school rather than once per row.
    const latest = knex(table)
      .select('school_id')
      .max('year')
      .whereIn('school_id', [...schoolIds])
      .groupBy('school_id');
    if (args.subject) latest.where('subject', args.subject);
    if (args.grade && table === 'vpr_result') latest.where('grade', args.grade);
    query.whereIn(['r.school_id', 'r.year'], latest);
  }
  const order = table === 'vpr_result' ? ['r.year', 'r.grade', 'r.subject'] : ['r.year', 'r.subject'];
  const rows: R[] = await query.orderBy(['r.school_id', ...order]);
  return groupInto(schoolIds, rows, (r) => r.schoolId);
}

const MARKS = ['r.participants', 'r.n2', 'r.n3', 'r.n4', 'r.n5'];

export async function loadVpr(knex: Knex, viewer: Viewer, args: ResultArgs, ids: readonly number[]) {
  type Row = MarkCounts & {
    schoolId: number;
    lowered: number | null;
    confirmed: number | null;
    raised: number | null;
  };
  const extra = ['r.grade', 'r.lowered', 'r.confirmed', 'r.raised', 'r.scores', 'r.max_score as maxScore'];
  const groups = await loadResults<Row>(knex, viewer, 'vpr_result', [...MARKS, ...extra], args, ids);
  return groups.map((rows) => rows.map((r) => new MarkRow(r)));
}

export async function loadOge(knex: Knex, viewer: Viewer, args: ResultArgs, ids: readonly number[]) {
  type Row = MarkCounts & { schoolId: number };
  const groups = await loadResults<Row>(
    knex,
    viewer,
    'oge_result',
    [...MARKS, 'r.mean_primary as meanPrimary'],
    args,
    ids,
  );
  return groups.map((rows) => rows.map((r) => new MarkRow(r)));
}

export async function loadEge(knex: Knex, viewer: Viewer, args: ResultArgs, ids: readonly number[]) {
  type Row = { schoolId: number; participants: number; belowMin: number };
  const columns = ['r.participants', 'r.below_min as belowMin', 'r.mean_score as meanScore'];
  const groups = await loadResults<Row>(knex, viewer, 'ege_result', columns, args, ids);
  return groups.map((rows) => rows.map((r) => ({ ...r, belowMinShare: ratio(r.belowMin, r.participants) })));
}

export interface IndicatorArgs {
  year?: number | null;
  codes?: string[] | null;
}

export async function loadIndicators(
  knex: Knex,
  viewer: Viewer,
  args: IndicatorArgs,
  ids: readonly number[],
) {
  const query = scopedSchools(knex, viewer, null)
    .join({ r: 'indicator_value' }, 'r.school_id', 's.id')
    .whereIn('s.id', [...ids])
    .select('r.school_id as schoolId', 'r.year', 'r.code', 'r.value');
  if (args.year) query.where('r.year', args.year);
  if (args.codes) query.whereIn('r.code', args.codes);
  const rows: { schoolId: number; year: number; code: string; value: number }[] = await query.orderBy([
    'r.school_id',
    'r.year',
    'r.code',
  ]);
  return groupInto(ids, rows, (r) => r.schoolId);
}
