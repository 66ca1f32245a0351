import { type Knex } from '@mikro-orm/postgresql';
import { type Viewer } from '../../db/viewer.js';

/** The columns a query exposes for scoping (aliases of school, municipality and region ids). */
export interface ScopeColumns {
  schoolId?: string;
  municipalityId: string;
  regionId: string;
}

/**
 * THE scoping helper: every read of school-level data passes its query through here, so a viewer
 * never sees — nor counts in an aggregate — a row outside its scope. Default deny.
 */
export function restrictToScope<Q extends Knex.QueryBuilder>(
  query: Q,
  viewer: Viewer,
  columns: ScopeColumns,
  /** `aggregate`: the rows are only summed per region, municipality, year, grade or subject — never shown. */
  use: 'rows' | 'aggregate' = 'rows',
): Q {
  const scope = viewer.scope;
  switch (scope.kind) {
    case 'ALL':
      return query;
    case 'PUBLIC':
      return use === 'aggregate' ? query : (query.whereRaw('false') as Q);
    case 'REGIONS':
      return query.whereIn(columns.regionId, [...scope.regionIds]) as Q;
    case 'MUNICIPALITIES':
      return query.whereIn(columns.municipalityId, [...scope.municipalityIds]) as Q;
    case 'SCHOOLS':
      if (!columns.schoolId) return query.whereRaw('false') as Q;
      return query.whereIn(columns.schoolId, [...scope.schoolIds]) as Q;
    default:
      return query.whereRaw('false') as Q;
  }
}

/** The usual joins of a school-level query: school `s`, municipality `m`, region `g`. */
export const SCHOOL_SCOPE: ScopeColumns = {
  schoolId: 's.id',
  municipalityId: 's.municipality_id',
  regionId: 'm.region_id',
};

/** The same rule for rows already in memory (computed analytics carry their school, municipality and region). */
export function isInScope(
  viewer: Viewer,
  place: { schoolId: number; municipalityId: number; regionId: number },
): boolean {
  const scope = viewer.scope;
  switch (scope.kind) {
    case 'ALL':
      return true;
    case 'REGIONS':
      return scope.regionIds.includes(place.regionId);
    case 'MUNICIPALITIES':
      return scope.municipalityIds.includes(place.municipalityId);
    case 'SCHOOLS':
      return scope.schoolIds.includes(place.schoolId);
    default:
      return false;
  }
}
