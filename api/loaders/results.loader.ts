import { type Queryable } from '../../db/queryable.js';
import { sql, type Sql } from '../../db/sql.js';
import { ratio } from '../../analytics/arithmetic.js';
import { type MarkCounts } from '../../analytics/marks.js';
import { MarkRow } from '../graphql/types/mark-row.js';
import { type Subject } from '../../schema/enums.js';
import { type Viewer } from '../../db/viewer.js';
import { SCHOOLS, scopedSchools } from '../services/school-query.js';
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
  db: Queryable,
  viewer: Viewer,
  table: Table,
  columns: Sql,
  args: ResultArgs,
  schoolIds: readonly number[],
): Promise<R[][]> {
  const results = sql.ident(table);
  const grade = args.grade && table === 'vpr_result' ? args.grade : null;
  // The latest year per school, found once per school rather than once per row.
  const latest =
    args.latest &&
    sql`(r.school_id, r.year) in (select school_id, max(year) from ${results}
      ${sql.where([
        sql.in(sql`school_id`, schoolIds),
        args.subject ? sql`subject = ${args.subject}` : null,
        grade ? sql`grade = ${grade}` : null,
      ])} group by school_id)`;
  const order = table === 'vpr_result' ? sql`r.year, r.grade, r.subject` : sql`r.year, r.subject`;
  const rows = await db.query<R>(
    sql`select r.school_id as "schoolId", r.year, r.subject, ${columns}
      from ${SCHOOLS} join ${results} r on r.school_id = s.id
      ${sql.where([
        scopedSchools(viewer, null),
        sql.in(sql`s.id`, schoolIds),
        args.year ? sql`r.year = ${args.year}` : null,
        args.subject ? sql`r.subject = ${args.subject}` : null,
        grade ? sql`r.grade = ${grade}` : null,
        latest,
      ])}
      order by r.school_id, ${order}`,
  );
  return groupInto(schoolIds, rows, (r) => r.schoolId);
}

const MARKS = sql`r.participants, r.n2, r.n3, r.n4, r.n5`;

export async function loadVpr(db: Queryable, viewer: Viewer, args: ResultArgs, ids: readonly number[]) {
  type Row = MarkCounts & {
    schoolId: number;
    lowered: number | null;
    confirmed: number | null;
    raised: number | null;
  };
  const columns = sql`${MARKS}, r.grade, r.lowered, r.confirmed, r.raised, r.scores, r.max_score as "maxScore"`;
  const groups = await loadResults<Row>(db, viewer, 'vpr_result', columns, args, ids);
  return groups.map((rows) => rows.map((r) => new MarkRow(r)));
}

export async function loadOge(db: Queryable, viewer: Viewer, args: ResultArgs, ids: readonly number[]) {
  type Row = MarkCounts & { schoolId: number };
  const columns = sql`${MARKS}, r.mean_primary as "meanPrimary"`;
  const groups = await loadResults<Row>(db, viewer, 'oge_result', columns, args, ids);
  return groups.map((rows) => rows.map((r) => new MarkRow(r)));
}

export async function loadEge(db: Queryable, viewer: Viewer, args: ResultArgs, ids: readonly number[]) {
  type Row = { schoolId: number; participants: number; belowMin: number };
  const columns = sql`r.participants, r.below_min as "belowMin", r.mean_score as "meanScore"`;
  const groups = await loadResults<Row>(db, viewer, 'ege_result', columns, args, ids);
  return groups.map((rows) => rows.map((r) => ({ ...r, belowMinShare: ratio(r.belowMin, r.participants) })));
}

export interface IndicatorArgs {
  year?: number | null;
  codes?: string[] | null;
}

export async function loadIndicators(
  db: Queryable,
  viewer: Viewer,
  args: IndicatorArgs,
  ids: readonly number[],
) {
  const rows = await db.query<{ schoolId: number; year: number; code: string; value: number }>(
    sql`select r.school_id as "schoolId", r.year, r.code, r.value
      from ${SCHOOLS} join indicator_value r on r.school_id = s.id
      ${sql.where([
        scopedSchools(viewer, null),
        sql.in(sql`s.id`, ids),
        args.year ? sql`r.year = ${args.year}` : null,
        args.codes ? sql.in(sql`r.code`, args.codes) : null,
      ])}
      order by r.school_id, r.year, r.code`,
  );
  return groupInto(ids, rows, (r) => r.schoolId);
}
