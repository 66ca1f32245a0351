import DataLoader from 'dataloader';
import { type Viewer } from '../../db/viewer.js';
import { type Queryable } from '../../db/queryable.js';
import { sql } from '../../db/sql.js';
import { type MunicipalityRow } from '../services/places.service.js';
import { REGION_COLUMNS, type RegionRow } from '../services/region-row.js';
import { SCHOOL_COLUMNS, SCHOOLS, scopedSchools, type SchoolRow } from '../services/school-query.js';
import { type DecisionRow, type EntryRow, readDecisions, readEntries } from '../services/lists/list-store.js';
import { markerLoaders } from './markers.loader.js';
import { groupInto, keyedLoaders, oneInto } from './keyed.js';
import {
  type IndicatorArgs,
  loadEge,
  loadIndicators,
  loadOge,
  loadVpr,
  type ResultArgs,
} from './results.loader.js';

/** Per-request loaders for every nested field: statements grow with query depth, not with rows. */
export function createLoaders(db: Queryable, viewer: Viewer) {
  return {
    /** the entries (or decisions) of every ШНОР list a query touches, in one statement */
    listEntries: new DataLoader<string, EntryRow[]>(async (ids) =>
      groupInto(ids, await readEntries(db, ids), (r) => r.listId),
    ),
    listDecisions: new DataLoader<string, DecisionRow[]>(async (ids) =>
      groupInto(ids, await readDecisions(db, ids), (r) => r.listId),
    ),
    school: new DataLoader<number, SchoolRow | null>(async (ids) => {
      const rows = await db.query<SchoolRow>(
        sql`select ${SCHOOL_COLUMNS} from ${SCHOOLS}
          ${sql.where([scopedSchools(viewer, null), sql.in(sql`s.id`, ids)])}`,
      );
      return oneInto(ids, rows, (r) => r.id);
    }),
    markers: markerLoaders(db),
    municipality: new DataLoader<number, MunicipalityRow | null>(async (ids) => {
      const rows = await db.query<MunicipalityRow>(
        sql`select id, name, region_id as "regionId" from municipality where ${sql.in(sql`id`, ids)}`,
      );
      return oneInto(ids, rows, (r) => r.id);
    }),
    region: new DataLoader<number, RegionRow | null>(async (ids) => {
      const rows = await db.query<RegionRow>(
        sql`select ${REGION_COLUMNS} from region where ${sql.in(sql`id`, ids)}`,
      );
      return oneInto(ids, rows, (r) => r.id);
    }),
    municipalitiesOfRegion: new DataLoader<number, MunicipalityRow[]>(async (ids) => {
      const rows = await db.query<MunicipalityRow>(
        sql`select id, name, region_id as "regionId" from municipality
          where ${sql.in(sql`region_id`, ids)} order by name, id`,
      );
      return groupInto(ids, rows, (r) => r.regionId);
    }),
    vprResults: keyedLoaders((args: ResultArgs, ids: readonly number[]) => loadVpr(db, viewer, args, ids)),
    ogeResults: keyedLoaders((args: ResultArgs, ids: readonly number[]) => loadOge(db, viewer, args, ids)),
    egeResults: keyedLoaders((args: ResultArgs, ids: readonly number[]) => loadEge(db, viewer, args, ids)),
    indicators: keyedLoaders((args: IndicatorArgs, ids: readonly number[]) =>
      loadIndicators(db, viewer, args, ids),
    ),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
