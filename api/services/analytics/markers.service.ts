import {
  byMarkerCount,
  type Marker,
  markerTable,
  type MarkerTableRow,
} from '../../../analytics/markers/index.js';
import { type Context } from '../../context.js';
import { type AnalyticsQuestion, analyticsPage, openQuestion, type PageRequest } from './question.js';
import { type AnalyticsSources, requestDataVersion } from './request-memo.js';
import { readMarkers } from '../../../analytics/sql/markers-store.js';
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
  src: AnalyticsSources,
  m: EffectiveMethodology,
  year: number,
): Promise<MarkersYear> {
  const dataVersion = await requestDataVersion(src);
  const { db, analyticsCache: cache } = src;
  return cache.get(`markers:${m.hash}:${dataVersion}:${year}`, async () => {
    const markers = await readMarkers(db, m.params, [year]);
    const places = await schoolPlaces(db, [...new Set(markers.map((x) => x.schoolId))]);
    return { year, dataVersion, markers, places };
  });
}

/** A row of the ФИС ОКО table with the markers behind its cells. */
export interface MarkerRowView extends MarkerTableRow {
  markers: Marker[];
}

/** objectivityMarkers: the ФИС ОКО table of the schools in the viewer's scope and the question's places. */
export async function objectivityMarkers(ctx: Context, q: AnalyticsQuestion, page: PageRequest) {
  const open = await openQuestion(ctx, q, page);
  const computed = await markersYear(ctx, open.m, q.year);
  // Scope and filters before the layout, so that columns name only what the viewer may see.
  const bySchool = new Map<number, Marker[]>();
  for (const marker of computed.markers) {
    if (!open.wanted(computed.places.get(marker.schoolId))) continue;
    let list = bySchool.get(marker.schoolId);
    if (!list) bySchool.set(marker.schoolId, (list = []));
    list.push(marker);
  }
  const table = markerTable([...bySchool.values()].flat());
  const view = (row: MarkerTableRow): MarkerRowView => ({
    ...row,
    markers: bySchool.get(row.schoolId) ?? [],
  });
  return Object.assign(
    analyticsPage(open, page, byMarkerCount(table.rows), view, {
      year: q.year,
      dataVersion: computed.dataVersion,
    }),
    { columns: table.columns.map((c) => c.key) },
  );
}
