import { SCHOOL_SCOPE, scopeCondition } from '../../db/scope.js';
import { sql, type Sql } from '../../db/sql.js';
import { type Viewer } from '../../db/viewer.js';
import { badUserInput } from '../errors.js';
import { type SchoolFilter } from '../graphql/inputs/school-filter.input.js';

/** `school s` joined to `municipality m` and `region g`: what every school-level read reads from. */
export const SCHOOLS = sql`school s join municipality m on m.id = s.municipality_id join region g on g.id = m.region_id`;

/**
 * The schools of SCHOOLS a read may see and asked for: the viewer's scope (db/scope.ts) and the
 * filter. Every school-level read composes this condition, so scope and filters apply the same way everywhere.
 */
export function scopedSchools(
  viewer: Viewer,
  filter: SchoolFilter | null | undefined,
  argument = 'filter',
  use: 'rows' | 'aggregate' = 'rows',
): Sql {
  const scope = scopeCondition(viewer, SCHOOL_SCOPE, use);
  if (!filter) return scope;
  return sql.and([
    scope,
    filter.regionCodes && sql.in(sql`g.code`, filter.regionCodes),
    filter.municipalityIds &&
      sql.in(
        sql`m.id`,
        filter.municipalityIds.map((id, i) => toId(`${argument}.municipalityIds[${i}]`, id)),
      ),
    filter.schoolCodes && sql.in(sql`s.code`, filter.schoolCodes),
    filter.types && sql.in(sql`s.type`, filter.types),
    filter.localities && sql.in(sql`s.locality`, filter.localities),
    filter.nameContains ? sql`s.name ilike ${`%${escapeLike(filter.nameContains)}%`}` : null,
  ]);
}

export function toId(argument: string, id: string | number): number {
  const n = Number(id);
  if (!Number.isSafeInteger(n) || n <= 0) throw badUserInput(argument, `${argument}: «${id}» is not an id`);
  return n;
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** The columns of a School row, camel-cased for GraphQL. */
export const SCHOOL_COLUMNS = sql`s.id, s.code, s.name, s.type, s.locality, s.students, s.municipality_id as "municipalityId"`;

export interface SchoolRow {
  id: number;
  code: string;
  name: string;
  type: string;
  locality: string;
  students: number;
  municipalityId: number;
}
