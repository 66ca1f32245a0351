import { type Queryable } from '../../../db/queryable.js';
import { scopeCondition } from '../../../db/scope.js';
import { sql } from '../../../db/sql.js';
import { type Viewer } from '../../../db/viewer.js';
import { LIST_COLUMNS, type ListRow } from './list-store.js';

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
export async function visibleLists(db: Queryable, viewer: Viewer, filter: ListFilter): Promise<ListRow[]> {
  const entryScope = scopeCondition(viewer, {
    schoolId: sql`e.school_id`,
    municipalityId: sql`e.municipality_id`,
    regionId: sql`sl.region_id`,
  });
  const inScope = sql`l.id in (select distinct e.list_id from shnor_list_entry e
    join shnor_list sl on sl.id = e.list_id where ${entryScope})`;
  return db.query<ListRow>(
    sql`select ${sql.raw(LIST_COLUMNS)} from shnor_list l join region g on g.id = l.region_id
      ${sql.where([
        inScope,
        filter.ids && sql.in(sql`l.id`, filter.ids),
        filter.year ? sql`l.year = ${filter.year}` : null,
        filter.regionCodes && sql.in(sql`g.code`, filter.regionCodes),
        filter.statuses && sql.in(sql`l.status`, filter.statuses),
      ])}
      order by l.year desc, g.code, l.id`,
  );
}
