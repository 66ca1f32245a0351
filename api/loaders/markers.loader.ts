import DataLoader from 'dataloader';
import { type Marker } from '../../analytics/markers/index.js';
import { type MethodologyParams } from '../../analytics/methodology/params.js';
import { markerParamsKey } from '../../analytics/sql/keys.js';
import { readMarkers } from '../../analytics/sql/markers-store.js';
import { type Queryable } from '../../db/queryable.js';
import { groupInto } from './keyed.js';

/**
 * Stored markers of many schools for one marker parameter set and the years a field shows (a list
 * year and the one before), in one statement. Keyed by the markers' own hash, not the whole
 * parameter set: a page of candidates asks once per row, and schools with many marked years would
 * otherwise read every year's markers (with their figures) to show two.
 */
export function markerLoaders(db: Queryable) {
  const loaders = new Map<string, DataLoader<number, Marker[]>>();
  return (p: MethodologyParams, years: readonly number[]): DataLoader<number, Marker[]> => {
    const id = `${markerParamsKey(p)}|${years.join(',')}`;
    let loader = loaders.get(id);
    if (!loader) {
      loader = new DataLoader<number, Marker[]>(async (ids) =>
        groupInto(ids, await readMarkers(db, p, years, ids), (m) => m.schoolId),
      );
      loaders.set(id, loader);
    }
    return loader;
  };
}
