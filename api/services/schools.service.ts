import { type Queryable } from '../../db/queryable.js';
import { sql } from '../../db/sql.js';
import { type Viewer } from '../../db/viewer.js';
import { SchoolOrder } from '../graphql/enums.js';
import { type SchoolFilter } from '../graphql/inputs/school-filter.input.js';
import { type ConnectionResult, toConnection } from '../graphql/types/page-info.type.js';
import { decodeCursor, encodeCursor } from '../pagination.js';
import { SCHOOL_COLUMNS, SCHOOLS, scopedSchools, type SchoolRow } from './school-query.js';

export interface SchoolPageArgs {
  filter?: SchoolFilter | null;
  first: number;
  after?: string | null;
  orderBy: SchoolOrder;
}

/** One page of schools by keyset (sort value, id): the same cost on page 1 and page 400. */
export async function schoolPage(
  db: Queryable,
  viewer: Viewer,
  args: SchoolPageArgs,
): Promise<ConnectionResult<SchoolRow>> {
  const sortColumn = args.orderBy === SchoolOrder.NAME ? sql`s.name` : sql`s.code`;
  const sortKey = (row: SchoolRow) => (args.orderBy === SchoolOrder.NAME ? row.name : row.code);
  const inScope = scopedSchools(viewer, args.filter);
  const [value, id] = args.after ? decodeCursor(args.after, ['text', 'int']) : [];
  const after = args.after ? sql`(${sortColumn}, s.id) > (${value ?? ''}, ${id ?? 0})` : null;
  const rows = await db.query<SchoolRow>(
    sql`select ${SCHOOL_COLUMNS} from ${SCHOOLS} ${sql.where([inScope, after])}
      order by ${sortColumn}, s.id limit ${args.first + 1}`,
  );
  const totalCount = async () => {
    const [row] = await db.query<{ n: string }>(
      sql`select count(*) as n from ${SCHOOLS} ${sql.where([inScope])}`,
    );
    return Number(row?.n ?? 0);
  };
  return toConnection(
    rows,
    args.first,
    Boolean(args.after),
    (r) => encodeCursor([sortKey(r), r.id]),
    totalCount,
  );
}

export async function schoolByCode(db: Queryable, viewer: Viewer, code: string): Promise<SchoolRow | null> {
  const [row] = await db.query<SchoolRow>(
    sql`select ${SCHOOL_COLUMNS} from ${SCHOOLS}
      ${sql.where([scopedSchools(viewer, null), sql`s.code = ${code}`])} limit 1`,
  );
  return row ?? null;
}
