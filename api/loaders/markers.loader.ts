import { type Marker } from '../../analytics/markers/index.js';
import { type MethodologyParams } from '../../analytics/methodology/params.js';
import { readMarkers } from '../../analytics/sql/markers-store.js';
import { type Queryable } from '../../analytics/sql/queryable.js';
import { groupInto } from './keyed.js';

/** All stored markers of many schools (every year) for one marker parameter set, in one statement. */
export async function loadMarkers(
  db: Queryable,
  p: MethodologyParams,
  schoolIds: readonly number[],
): Promise<Marker[][]> {
  const markers = await readMarkers(db, p, null, schoolIds);
  return groupInto(schoolIds, markers, (m) => m.schoolId);
}
