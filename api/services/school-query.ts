import { type Knex } from '@mikro-orm/postgresql';
import { restrictToScope, SCHOOL_SCOPE } from '../auth/scope.js';
import { type Viewer } from '../../db/viewer.js';
import { badUserInput } from '../errors.js';
import { type SchoolFilter } from '../graphql/inputs/school-filter.input.js';

/**
 * `school s` joined to `municipality m` and `region g`, restricted to the viewer's scope and the filter.
 * Every school-level read starts here, so scope and filters are applied the same way everywhere.
 */
export function scopedSchools(
  knex: Knex,
  viewer: Viewer,
  filter: SchoolFilter | null | undefined,
  argument = 'filter',
  use: 'rows' | 'aggregate' = 'rows',
): Knex.QueryBuilder {
  const query = knex({ s: 'school' })
    .join({ m: 'municipality' }, 'm.id', 's.municipality_id')
    .join({ g: 'region' }, 'g.id', 'm.region_id');
  restrictToScope(query, viewer, SCHOOL_SCOPE, use);
  if (!filter) return query;
  if (filter.regionCodes) query.whereIn('g.code', filter.regionCodes);
  if (filter.municipalityIds)
    query.whereIn(
      'm.id',
      filter.municipalityIds.map((id, i) => toId(`${argument}.municipalityIds[${i}]`, id)),
    );
  if (filter.schoolCodes) query.whereIn('s.code', filter.schoolCodes);
  if (filter.types) query.whereIn('s.type', filter.types);
  if (filter.localities) query.whereIn('s.locality', filter.localities);
  if (filter.nameContains) query.whereILike('s.name', `%${escapeLike(filter.nameContains)}%`);
  return query;
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
export const SCHOOL_COLUMNS = [
  's.id',
  's.code',
  's.name',
  's.type',
  's.locality',
  's.students',
  's.municipality_id as municipalityId',
];

export interface SchoolRow {
  id: number;
  code: string;
  name: string;
  type: string;
  locality: string;
  students: number;
  municipalityId: number;
}
