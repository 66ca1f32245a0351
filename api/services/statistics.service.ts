import { type Knex } from '@mikro-orm/postgresql';
import { GraphQLError } from 'graphql';
import { type Viewer } from '../auth/viewer.js';
import { badUserInput } from '../errors.js';
import { StatisticsDimension } from '../graphql/enums.js';
import { type ResultFilter } from '../graphql/inputs/result-filter.input.js';
import { decodeCursor, encodeCursor } from '../pagination.js';
import { scopedSchools } from './school-query.js';

export type ResultTable = 'vpr_result' | 'oge_result' | 'ege_result';

/**
 * What each grouping dimension adds: the GROUP BY key, the columns it shows (functionally dependent
 * on a primary key, which PostgreSQL allows to select ungrouped) and its sort order.
 */
const DIMENSIONS: Record<StatisticsDimension, { group: string; select: string[]; order: string[] }> = {
  REGION: {
    group: 'g.id',
    select: ['g.id as region.id', 'g.code as region.code', 'g.name as region.name'],
    order: ['g.code'],
  },
  MUNICIPALITY: {
    group: 'm.id',
    select: [
      'm.id as municipality.id',
      'm.name as municipality.name',
      'm.region_id as municipality.regionId',
    ],
    order: ['m.name', 'm.id'],
  },
  SCHOOL: {
    group: 's.id',
    select: ['id', 'code', 'name', 'type', 'locality', 'students', 'municipality_id'].map(
      (c) => `s.${c} as school.${c === 'municipality_id' ? 'municipalityId' : c}`,
    ),
    order: ['s.code'],
  },
  YEAR: { group: 'r.year', select: ['r.year as year'], order: ['r.year'] },
  GRADE: { group: 'r.grade', select: ['r.grade as grade'], order: ['r.grade'] },
  SUBJECT: { group: 'r.subject', select: ['r.subject as subject'], order: ['r.subject'] },
};

export interface StatisticsQuery {
  table: ResultTable;
  filter?: ResultFilter | null;
  groupBy: StatisticsDimension[];
  /** Additive sums (SQL expressions over `r`) each group reports. */
  sums: Record<string, string>;
  first: number;
  after?: string | null;
}

export type GroupRow = Record<string, string | number | null>;
export type NestedRow = Record<string, string | number | null | Record<string, string | number | null>>;

/** `{"region.id": 1, "region.name": "…"}` → `{ region: { id: 1, name: "…" } }`, so rows carry place objects. */
function nest(row: GroupRow): NestedRow {
  const out: NestedRow = {};
  for (const [key, value] of Object.entries(row)) {
    const dot = key.indexOf('.');
    if (dot < 0) {
      out[key] = value;
      continue;
    }
    const head = key.slice(0, dot);
    const inner = (out[head] ??= {}) as Record<string, string | number | null>;
    inner[key.slice(dot + 1)] = value;
  }
  return out;
}

/**
 * One GROUP BY over the result rows of the viewer's scope: sums of counts per group, from which
 * ratios are pooled. The page is an offset into the ordered groups (groups have no natural id).
 */
export async function groupedSums(knex: Knex, viewer: Viewer, q: StatisticsQuery) {
  if (q.table !== 'vpr_result' && q.groupBy.includes(StatisticsDimension.GRADE)) {
    throw badUserInput('groupBy', 'groupBy: GRADE applies to ВПР only (ОГЭ is grade 9, ЕГЭ grade 11)');
  }
  if (
    viewer.scope.kind === 'PUBLIC' &&
    (q.groupBy.includes(StatisticsDimension.SCHOOL) || q.filter?.schoolCodes)
  ) {
    throw new GraphQLError('Public access shows regions and municipalities, not single schools', {
      extensions: {
        code: 'FORBIDDEN',
        argument: q.groupBy.includes(StatisticsDimension.SCHOOL) ? 'groupBy' : 'filter.schoolCodes',
      },
    });
  }
  const dims = [...new Set(q.groupBy)];
  const base = () => {
    // Grouped sums only: the public may see them per region and municipality, never per school.
    const query = scopedSchools(knex, viewer, q.filter, 'filter', 'aggregate').join(
      { r: q.table },
      'r.school_id',
      's.id',
    );
    const f = q.filter;
    if (f?.years) query.whereIn('r.year', f.years);
    if (f?.subjects) query.whereIn('r.subject', f.subjects);
    if (f?.grades) query.whereIn('r.grade', f.grades);
    return query;
  };
  const groupColumns = dims.map((d) => DIMENSIONS[d].group);
  const sums = Object.entries(q.sums).map(([alias, expr]) => knex.raw(`${expr} as "${alias}"`));
  const query = base().select([
    ...dims.flatMap((d) => DIMENSIONS[d].select),
    ...sums,
    knex.raw('count(distinct s.id)::int as "schoolCount"'),
  ]);
  if (dims.length > 0) {
    query
      .groupBy(groupColumns)
      .orderBy(dims.flatMap((d) => DIMENSIONS[d].order).map((column) => ({ column })));
  }
  const offset = q.after ? Number(decodeCursor(q.after)[0]) : 0;
  const flat: GroupRow[] = await query.offset(offset).limit(q.first + 1);
  const rows = flat.map(nest);
  const totalCount = async () => {
    if (dims.length === 0) return 1;
    const counted = base().countDistinct({ n: knex.raw(`(${groupColumns.join(', ')})`) });
    return Number((await counted)[0]?.n ?? 0);
  };
  return { rows, offset, totalCount, cursorAt: (i: number) => encodeCursor([offset + i + 1]) };
}
