import { type Knex } from '@mikro-orm/postgresql';
import { type Viewer } from '../../db/viewer.js';
import { SchoolOrder } from '../graphql/enums.js';
import { type SchoolFilter } from '../graphql/inputs/school-filter.input.js';
import { type ConnectionResult, toConnection } from '../graphql/types/page-info.type.js';
import { decodeCursor, encodeCursor } from '../pagination.js';
import { SCHOOL_COLUMNS, scopedSchools, type SchoolRow } from './school-query.js';

export interface SchoolPageArgs {
  filter?: SchoolFilter | null;
  first: number;
  after?: string | null;
  orderBy: SchoolOrder;
}

/** One page of schools by keyset (sort value, id): the same cost on page 1 and page 400. */
export async function schoolPage(
  knex: Knex,
  viewer: Viewer,
  args: SchoolPageArgs,
): Promise<ConnectionResult<SchoolRow>> {
  const sortColumn = args.orderBy === SchoolOrder.NAME ? 's.name' : 's.code';
  const sortKey = (row: SchoolRow) => (args.orderBy === SchoolOrder.NAME ? row.name : row.code);
  const query = scopedSchools(knex, viewer, args.filter).select(SCHOOL_COLUMNS);
  if (args.after) {
    const [value, id] = decodeCursor(args.after, ['text', 'int']);
    query.whereRaw(`(${sortColumn}, s.id) > (?, ?)`, [value ?? '', id ?? 0]);
  }
  const rows: SchoolRow[] = await query.orderBy([sortColumn, 's.id']).limit(args.first + 1);
  const totalCount = async () => {
    const [row] = await scopedSchools(knex, viewer, args.filter).count({ n: '*' });
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

export async function schoolByCode(knex: Knex, viewer: Viewer, code: string): Promise<SchoolRow | null> {
  const row: SchoolRow | undefined = await scopedSchools(knex, viewer, null)
    .select(SCHOOL_COLUMNS)
    .where('s.code', code)
    .first();
  return row ?? null;
}
