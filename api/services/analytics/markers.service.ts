import { type Marker } from '../../../analytics/markers/index.js';
import { requestDataVersion } from './request-memo.js';
import { readMarkers } from '../../../analytics/sql/markers-store.js';
import { type Queryable } from '../../../db/queryable.js';
import { type AnalyticsCache } from './cache.js';
import { type EffectiveMethodology } from './methodology.js';
import { type SchoolPlace, schoolPlaces } from './risk.service.js';

export interface MarkersYear {
  year: number;
  dataVersion: number;
  /** Every stored marker of the year for the effective marker parameters. */
  markers: Marker[];
  /** Places of the marked schools, for scope checks and filters. */
  places: Map<number, SchoolPlace>;
}

/**
 * The objectivity markers (§3) of one year as stored for the methodology's marker parameters
 * (resolveMethodology has built them for a what-if). Cached per (parameters, data version, year), so
 * paging through the table re-reads nothing.
 */
export async function markersYear(
  db: Queryable,
  cache: AnalyticsCache,
  m: EffectiveMethodology,
  year: number,
): Promise<MarkersYear> {
  const dataVersion = await requestDataVersion(db);
  return cache.get(`markers:${m.hash}:${dataVersion}:${year}`, async () => {
    const markers = await readMarkers(db, m.params, [year]);
    const places = await schoolPlaces(db, [...new Set(markers.map((x) => x.schoolId))]);
    return { year, dataVersion, markers, places };
  });
}
