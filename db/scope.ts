import { sql, type Sql } from './sql.js';
import { type Scope, type Viewer } from './viewer.js';

/** The columns a query exposes for scoping: expressions of its school, municipality and region ids. */
export interface ScopeColumns {
  schoolId?: Sql;
  municipalityId: Sql;
  regionId: Sql;
}

/** The usual joins of a school-level query: school `s`, municipality `m`, region `g`. */
export const SCHOOL_SCOPE: ScopeColumns = {
  schoolId: sql`s.id`,
  municipalityId: sql`s.municipality_id`,
  regionId: sql`m.region_id`,
};

/**
 * THE scope rule as SQL: the condition every read of school-level data composes into its `where`, so
 * a viewer never sees — nor counts in an aggregate — a row outside its scope. Default deny: a scope
 * not listed here, or one that names no place, is `false`.
 *
 * `aggregate`: the rows are only summed per region, municipality, year, grade or subject — never
 * shown (the public viewer sees such sums and nothing else).
 */
export function scopeCondition(
  viewer: Viewer,
  columns: ScopeColumns,
  use: 'rows' | 'aggregate' = 'rows',
): Sql {
  const scope = viewer.scope;
  switch (scope.kind) {
    case 'ALL':
      return sql`true`;
    case 'PUBLIC':
      return use === 'aggregate' ? sql`true` : sql`false`;
    case 'REGIONS':
      return sql.in(columns.regionId, scope.regionIds);
    case 'MUNICIPALITIES':
      return sql.in(columns.municipalityId, scope.municipalityIds);
    case 'SCHOOLS':
      return columns.schoolId ? sql.in(columns.schoolId, scope.schoolIds) : sql`false`;
    default:
      return sql`false`;
  }
}

/**
 * The same rule for a place already in memory: a region's, a municipality's or a school's (absent
 * levels null). The ministry everywhere; a region's scope its region; a municipality's or a school's
 * scope that place only, never the wider place above it.
 */
export function scopeHolds(
  scope: Scope,
  place: { regionId: number; municipalityId?: number | null; schoolId?: number | null },
): boolean {
  switch (scope.kind) {
    case 'ALL':
      return true;
    case 'REGIONS':
      return scope.regionIds.includes(place.regionId);
    case 'MUNICIPALITIES':
      return place.municipalityId != null && scope.municipalityIds.includes(place.municipalityId);
    case 'SCHOOLS':
      return place.schoolId != null && scope.schoolIds.includes(place.schoolId);
    default:
      return false;
  }
}

/** The rule for rows already in memory (computed analytics carry their school, municipality and region). */
export function isInScope(
  viewer: Viewer,
  place: { schoolId: number; municipalityId: number; regionId: number },
): boolean {
  return scopeHolds(viewer.scope, place);
}
