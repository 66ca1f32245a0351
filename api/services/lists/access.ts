import { type Knex } from '@mikro-orm/postgresql';
import { restrictToScope } from '../../auth/scope.js';
import { Role, type Viewer } from '../../../db/viewer.js';
import { forbidden } from './list-errors.js';
import { LIST_COLUMNS, type ListRow } from './list-store.js';

/** Checked first, before any list is looked up: other roles learn nothing about lists. */
/**
 * This read goes through knex's query builder (for the scope rule), whose connections keep
 * timestamps as text (MikroORM's parsers); the Queryable reads of list-store.ts get Dates already.
 */
function withDates(row: ListRow): ListRow {
  const date = (value: Date | null) => (typeof value === 'string' ? new Date(value) : value);
  return {
    ...row,
    createdAt: date(row.createdAt) as Date,
    approvedAt: date(row.approvedAt),
    publishedAt: date(row.publishedAt),
  };
}

export function assertListEditor(viewer: Viewer): void {
  if (viewer.role !== Role.MINISTRY && viewer.role !== Role.REGION_ANALYST) {
    throw forbidden('Only the ministry and regional analysts may change ШНОР lists');
  }
}

/**
 * Who may change a list: the ministry anywhere, a regional analyst in its own region; nobody else.
 * The scope must cover the whole region: a decision is about the region's list, not one school.
 */
export function assertMayChangeList(viewer: Viewer, regionId: number): void {
  assertListEditor(viewer);
  const scope = viewer.scope;
  const coversRegion =
    scope.kind === 'ALL' || (scope.kind === 'REGIONS' && scope.regionIds.includes(regionId));
  if (!coversRegion) throw forbidden('A regional analyst may change the lists of its own region only');
}

export interface ListFilter {
  ids?: readonly string[];
  year?: number | null;
  regionCodes?: readonly string[] | null;
  statuses?: readonly string[] | null;
}

/**
 * Lists the viewer may see: those with an entry in its scope (the one scope helper decides, so a
 * regional analyst sees its region's lists, a school or municipality the lists it is on, PUBLIC none).
 */
export async function visibleLists(knex: Knex, viewer: Viewer, filter: ListFilter): Promise<ListRow[]> {
  const inScope = restrictToScope(
    knex({ e: 'shnor_list_entry' }).join({ sl: 'shnor_list' }, 'sl.id', 'e.list_id').distinct('e.list_id'),
    viewer,
    { schoolId: 'e.school_id', municipalityId: 'e.municipality_id', regionId: 'sl.region_id' },
  );
  const query = knex({ l: 'shnor_list' })
    .join({ g: 'region' }, 'g.id', 'l.region_id')
    .select(knex.raw(LIST_COLUMNS))
    .whereIn('l.id', inScope)
    .orderBy([{ column: 'l.year', order: 'desc' }, 'g.code', 'l.id']);
  if (filter.ids) query.whereIn('l.id', [...filter.ids]);
  if (filter.year) query.where('l.year', filter.year);
  if (filter.regionCodes) query.whereIn('g.code', [...filter.regionCodes]);
  if (filter.statuses) query.whereIn('l.status', [...filter.statuses]);
  return ((await query) as ListRow[]).map(withDates);
}
