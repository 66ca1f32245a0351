import { type Knex } from '@mikro-orm/postgresql';
import { GraphQLError } from 'graphql';
import { type Viewer } from '../../db/viewer.js';
import { badUserInput } from '../errors.js';
import { StatisticsDimension } from '../graphql/enums.js';
import { type ResultFilter } from '../graphql/inputs/result-filter.input.js';
import { decodeCursor, encodeCursor } from '../pagination.js';
import { scopedSchools, toId } from './school-query.js';
import { isSmall, suppressedCells } from './small-cells.js';

export type ResultTable = 'vpr_result' | 'oge_result' | 'ege_result';

/**
 * What each grouping dimension adds: the GROUP BY key, the columns it shows (functionally dependent
 * on a primary key, which PostgreSQL allows to select ungrouped) and its sort order.
 */
const DIMENSIONS: Record<StatisticsDimension, { group: string; select: string[]; order: string[] }> = {
  REGION: {
    group: 'g.id',
    select: [
      'g.id as region.id',
      'g.code as region.code',
      'g.name as region.name',
      'g.time_zone as region.timeZone',
    ],
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
  /** The public viewer sees no group of fewer schools (config.publicData.minSchools). */
  publicMinSchools: number;
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

/** The filters the public may use: places (whole regions and municipalities), years, grades, subjects. */
const PUBLIC_FILTERS: ReadonlySet<string> = new Set([
  'regionCodes',
  'municipalityIds',
  'years',
  'grades',
  'subjects',
]);

function publicForbidden(argument: string, message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'FORBIDDEN', argument } });
}

/**
 * What the public may ask: aggregates of whole places only. No school grouping, no filter that picks
 * schools (by code, name, type or locality: a group of one school is that school), and a place filter
 * only with its place in groupBy, so every row is a whole region or municipality, never a union whose
 * difference with another row gives a hidden cell.
 */
function checkPublicQuery(filter: ResultFilter | null | undefined, dims: readonly StatisticsDimension[]) {
  if (dims.includes(StatisticsDimension.SCHOOL)) {
    throw publicForbidden('groupBy', 'Public access shows regions and municipalities, not single schools');
  }
  for (const [key, value] of Object.entries(filter ?? {})) {
    if (value === null || value === undefined || PUBLIC_FILTERS.has(key)) continue;
    throw publicForbidden(
      `filter.${key}`,
      `filter.${key}: public access shows regions and municipalities, not schools picked by ${key}`,
    );
  }
  if (filter?.municipalityIds && !dims.includes(StatisticsDimension.MUNICIPALITY)) {
    throw publicForbidden(
      'filter.municipalityIds',
      'filter.municipalityIds: public access needs MUNICIPALITY in groupBy with a municipality filter',
    );
  }
  if (
    filter?.regionCodes &&
    !dims.includes(StatisticsDimension.REGION) &&
    !dims.includes(StatisticsDimension.MUNICIPALITY)
  ) {
    throw publicForbidden(
      'filter.regionCodes',
      'filter.regionCodes: public access needs REGION or MUNICIPALITY in groupBy with a region filter',
    );
  }
}

/** The year, grade and subject filters (the school filters are scopedSchools'). */
function narrowResults(query: Knex.QueryBuilder, f: ResultFilter | null | undefined): Knex.QueryBuilder {
  if (f?.years) query.whereIn('r.year', f.years);
  if (f?.subjects) query.whereIn('r.subject', f.subjects);
  if (f?.grades) query.whereIn('r.grade', f.grades);
  return query;
}

/** The non-place dimensions of a grouping, with the SQL column each is compared on. */
const KEY_COLUMNS: Partial<Record<StatisticsDimension, { column: string; type: 'int' | 'text' }>> = {
  YEAR: { column: 'r.year', type: 'int' },
  GRADE: { column: 'r.grade', type: 'int' },
  SUBJECT: { column: 'r.subject::text', type: 'text' },
};

interface Suppression {
  /** Groups hidden that the query's filter selects. */
  suppressed: number;
  /** Excludes the rows of the hidden groups (none: null). */
  exclude: ((query: Knex.QueryBuilder) => void) | null;
}

/**
 * Which groups the public does not see (small-cells.ts): decided over the full data of every region
 * for this grouping and the same year/grade/subject filter, whatever places the query asked for.
 */
async function publicSuppression(
  knex: Knex,
  viewer: Viewer,
  q: StatisticsQuery,
  dims: readonly StatisticsDimension[],
): Promise<Suppression> {
  const min = q.publicMinSchools;
  if (min <= 1) return { suppressed: 0, exclude: null };
  const f = q.filter;
  const regionCodes = f?.regionCodes ? new Set(f.regionCodes) : null;
  const municipalityIds = f?.municipalityIds
    ? new Set(f.municipalityIds.map((id, i) => toId(`filter.municipalityIds[${i}]`, id)))
    : null;
  const level = dims.includes(StatisticsDimension.MUNICIPALITY)
    ? 'municipality'
    : dims.includes(StatisticsDimension.REGION)
      ? 'region'
      : 'country';
  const keyDims = dims.flatMap((d) => (KEY_COLUMNS[d] ? [KEY_COLUMNS[d]] : []));
  const census = narrowResults(
    scopedSchools(knex, viewer, null, 'filter', 'aggregate').join({ r: q.table }, 'r.school_id', 's.id'),
    q.filter,
  );
  const placeColumns =
    level === 'country' ? [] : ['m.region_id', 'g.code', ...(level === 'municipality' ? ['m.id'] : [])];
  census.select([
    ...(level === 'country' ? [] : ['m.region_id as regionId', 'g.code as regionCode']),
    ...(level === 'municipality' ? ['m.id as municipalityId'] : []),
    ...keyDims.map((k, i) => knex.raw(`${k.column} as "k${i}"`)),
    knex.raw('count(distinct s.id)::int as schools'),
  ]);
  const groupColumns = [...placeColumns, ...keyDims.map((k) => k.column)];
  if (groupColumns.length > 0) census.groupByRaw(groupColumns.join(', '));
  const rows: (Record<string, string | number> & { schools: number })[] = await census;
  const cells = rows.map((row) => ({
    row,
    regionId: Number(row.regionId ?? 0),
    ...(level === 'municipality' ? { municipalityId: Number(row.municipalityId) } : {}),
    key: keyDims.map((_k, i) => String(row[`k${i}`])).join('\u0000'),
    schools: row.schools,
  }));
  const hidden =
    level === 'country' ? cells.filter((c) => isSmall(c.schools, min)) : [...suppressedCells(cells, min)];
  if (hidden.length === 0) return { suppressed: 0, exclude: null };

  const suppressed = hidden.filter(
    (c) =>
      (!regionCodes || regionCodes.has(String(c.row.regionCode))) &&
      (!municipalityIds || municipalityIds.has(Number(c.municipalityId))),
  ).length;

  if (level === 'country' && keyDims.length === 0) {
    // the one total row (no GROUP BY) is hidden: no row at all
    return { suppressed, exclude: (query) => void query.whereRaw('false') };
  }
  // The hidden group keys as one JSON parameter, a relation the rows are anti-joined with.
  const columns = [
    ...(level === 'country'
      ? []
      : [{ column: level === 'municipality' ? 'm.id' : 'g.id', type: 'int' as const }]),
    ...keyDims,
  ];
  const keys = hidden.map((c) => {
    const place = level === 'municipality' ? c.municipalityId : c.regionId;
    const values = [...(level === 'country' ? [] : [place]), ...keyDims.map((_k, i) => c.row[`k${i}`])];
    return Object.fromEntries(values.map((v, i) => [`c${i}`, v]));
  });
  const types = columns.map((c, i) => `c${i} ${c.type}`).join(', ');
  const match = columns.map((c, i) => `h.c${i} = ${c.column}`).join(' and ');
  const sql = `not exists (select 1 from jsonb_to_recordset(?::jsonb) as h(${types}) where ${match})`;
  const bindings = [JSON.stringify(keys)];
  return { suppressed, exclude: (query) => void query.whereRaw(sql, bindings) };
}

/**
 * One GROUP BY over the result rows of the viewer's scope: sums of counts per group, from which
 * ratios are pooled. The page is an offset into the ordered groups (groups have no natural id).
 * The public sees only groups of at least `publicMinSchools` schools (with complementary
 * suppression); `suppressed` counts the groups it does not see.
 */
export async function groupedSums(knex: Knex, viewer: Viewer, q: StatisticsQuery) {
  if (q.table !== 'vpr_result' && q.groupBy.includes(StatisticsDimension.GRADE)) {
    throw badUserInput('groupBy', 'groupBy: GRADE applies to ВПР only (ОГЭ is grade 9, ЕГЭ grade 11)');
  }
  const dims = [...new Set(q.groupBy)];
  const isPublic = viewer.scope.kind === 'PUBLIC';
  if (isPublic) checkPublicQuery(q.filter, dims);
  const { suppressed, exclude } = isPublic
    ? await publicSuppression(knex, viewer, q, dims)
    : { suppressed: 0, exclude: null };
  const base = () => {
    // Grouped sums only: the public may see them per region and municipality, never per school.
    const query = narrowResults(
      scopedSchools(knex, viewer, q.filter, 'filter', 'aggregate').join(
        { r: q.table },
        'r.school_id',
        's.id',
      ),
      q.filter,
    );
    exclude?.(query);
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
  const offset = q.after ? Number(decodeCursor(q.after, ['int'])[0]) : 0;
  // Without GROUP BY an aggregate has one row even when every row is excluded: hidden, it has none.
  const totalHidden = dims.length === 0 && suppressed > 0;
  const flat: GroupRow[] = totalHidden ? [] : await query.offset(offset).limit(q.first + 1);
  const rows = flat.map(nest);
  const totalCount = async () => {
    if (dims.length === 0) return totalHidden ? 0 : 1;
    const counted = base().countDistinct({ n: knex.raw(`(${groupColumns.join(', ')})`) });
    return Number((await counted)[0]?.n ?? 0);
  };
  return {
    rows,
    offset,
    totalCount,
    suppressed,
    cursorAt: (i: number) => encodeCursor([offset + i + 1]),
  };
}
