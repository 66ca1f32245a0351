import { type Knex } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { type Viewer } from '../../db/viewer.js';
import { type Queryable } from '../../db/queryable.js';
import { type MunicipalityRow } from '../services/places.service.js';
import { REGION_COLUMNS, type RegionRow } from '../services/region-row.js';
import { SCHOOL_COLUMNS, scopedSchools, type SchoolRow } from '../services/school-query.js';
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
export function createLoaders(knex: Knex, db: Queryable, viewer: Viewer) {
  return {
    school: new DataLoader<number, SchoolRow | null>(async (ids) => {
      const rows: SchoolRow[] = await scopedSchools(knex, viewer, null)
        .select(SCHOOL_COLUMNS)
        .whereIn('s.id', [...ids]);
      return oneInto(ids, rows, (r) => r.id);
    }),
    markers: markerLoaders(db),
    municipality: new DataLoader<number, MunicipalityRow | null>(async (ids) => {
      const rows: MunicipalityRow[] = await knex('municipality')
        .select('id', 'name', 'region_id as regionId')
        .whereIn('id', [...ids]);
      return oneInto(ids, rows, (r) => r.id);
    }),
    region: new DataLoader<number, RegionRow | null>(async (ids) => {
      const rows: RegionRow[] = await knex('region')
        .select(...REGION_COLUMNS)
        .whereIn('id', [...ids]);
      return oneInto(ids, rows, (r) => r.id);
    }),
    municipalitiesOfRegion: new DataLoader<number, MunicipalityRow[]>(async (ids) => {
      const rows: MunicipalityRow[] = await knex('municipality')
        .select('id', 'name', 'region_id as regionId')
        .whereIn('region_id', [...ids])
        .orderBy(['name', 'id']);
      return groupInto(ids, rows, (r) => r.regionId);
    }),
    vprResults: keyedLoaders((args: ResultArgs, ids: readonly number[]) => loadVpr(knex, viewer, args, ids)),
    ogeResults: keyedLoaders((args: ResultArgs, ids: readonly number[]) => loadOge(knex, viewer, args, ids)),
    egeResults: keyedLoaders((args: ResultArgs, ids: readonly number[]) => loadEge(knex, viewer, args, ids)),
    indicators: keyedLoaders((args: IndicatorArgs, ids: readonly number[]) =>
      loadIndicators(knex, viewer, args, ids),
    ),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
