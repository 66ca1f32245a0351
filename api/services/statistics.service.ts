import { type Queryable } from '../../db/queryable.js';
import { sql, type Sql } from '../../db/sql.js';
import { type Viewer } from '../../db/viewer.js';
import { authorize } from '../auth/permissions.js';
import { badUserInput } from '../errors.js';
import { StatisticsDimension } from '../graphql/enums.js';
import { type ResultFilter } from '../graphql/inputs/result-filter.input.js';
import { decodeCursor, encodeCursor } from '../pagination.js';
import { SCHOOLS, scopedSchools, toId } from './school-query.js';
import { isSmall, suppressedCells } from './small-cells.js';

export type ResultTable = 'vpr_result' | 'oge_result' | 'ege_result';

/**
 * What each grouping dimension adds: the GROUP BY key, the columns it shows (functionally dependent
 * on a primary key, which PostgreSQL allows to select ungrouped) and its sort order.
 */
const DIMENSIONS: Record<StatisticsDimension, { group: Sql; select: Sql; order: Sql }> = {
  REGION: {
    group: sql`g.id`,
    select: sql`g.id as "region.id", g.code as "region.code", g.name as "region.name",
      g.time_zone as "region.timeZone"`,
    order: sql`g.code`,
  },
  MUNICIPALITY: {
    group: sql`m.id`,
    select: sql`m.id as "municipality.id", m.name as "municipality.name", m.region_id as "municipality.regionId"`,
    order: sql`m.name, m.id`,
  },
  SCHOOL: {
    group: sql`s.id`,
    select: sql`s.id as "school.id", s.code as "school.code", s.name as "school.name", s.type as "school.type",
      s.locality as "school.locality", s.students as "school.students", s.municipality_id as "school.municipalityId"`,
    order: sql`s.code`,
  },
  YEAR: { group: sql`r.year`, select: sql`r.year as year`, order: sql`r.year` },
  GRADE: { group: sql`r.grade`, select: sql`r.grade as grade`, order: sql`r.grade` },
  SUBJECT: { group: sql`r.subject`, select: sql`r.subject as subject`, order: sql`r.subject` },
};

export interface StatisticsQuery {
  table: ResultTable;
  filter?: ResultFilter | null;
  groupBy: StatisticsDimension[];
  /** Additive sums (SQL expressions over `r`) each group reports, by the name it reports them under. */
  sums: Record<string, Sql>;
  first: number;
  after?: string | null;
  /** The public viewer sees no group of fewer schools (config.publicData.minSchools). */
  publicMinSchools: number;
  /** Whether the rows report `schoolCount`: a `count(distinct …)`, which sorts, so only when asked. */
  schoolCount: boolean;
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

/**
 * What a query asks beyond aggregates of whole places, each an action of the permission table (the
 * public may do none): a school grouping, a filter that picks schools (by code, name, type or
 * locality: a group of one school is that school), and a place filter without its place in groupBy
 * (a union of places, whose difference with another row gives a hidden cell).
 */
function authorizeQuery(
  viewer: Viewer,
  filter: ResultFilter | null | undefined,
  dims: readonly StatisticsDimension[],
) {
  if (dims.includes(StatisticsDimension.SCHOOL)) {
    authorize(viewer, 'statistics.perSchool', { argument: 'groupBy' });
  }
  for (const [key, value] of Object.entries(filter ?? {})) {
    if (value === null || value === undefined || PUBLIC_FILTERS.has(key)) continue;
    authorize(viewer, 'statistics.pickSchools', { argument: `filter.${key}` });
  }
  if (filter?.municipalityIds && !dims.includes(StatisticsDimension.MUNICIPALITY)) {
    authorize(viewer, 'statistics.placeUnion', { argument: 'filter.municipalityIds' });
  }
  if (
    filter?.regionCodes &&
    !dims.includes(StatisticsDimension.REGION) &&
    !dims.includes(StatisticsDimension.MUNICIPALITY)
  ) {
    authorize(viewer, 'statistics.placeUnion', { argument: 'filter.regionCodes' });
  }
}

/** The year, grade and subject conditions (the school filters are scopedSchools'). */
function narrowResults(f: ResultFilter | null | undefined): Sql[] {
  return [
    f?.years && sql.in(sql`r.year`, f.years),
    f?.subjects && sql.in(sql`r.subject`, f.subjects),
    f?.grades && sql.in(sql`r.grade`, f.grades),
  ].filter((c): c is Sql => Boolean(c));
}

/**
 * The result rows of `table`, joined to their school, municipality and region (SCHOOLS) only when
 * the query reads them: every row has a school (foreign key, not null), so the bare table sums the same.
 */
const resultsOf = (table: ResultTable, places: boolean) =>
  places ? sql`${SCHOOLS} join ${sql.ident(table)} r on r.school_id = s.id` : sql`${sql.ident(table)} r`;

/** Filters on the result rows themselves; any other filter picks schools or places. */
const RESULT_FILTERS: ReadonlySet<string> = new Set(['years', 'grades', 'subjects']);
const PLACE_DIMENSIONS: ReadonlySet<StatisticsDimension> = new Set([
  StatisticsDimension.REGION,
  StatisticsDimension.MUNICIPALITY,
  StatisticsDimension.SCHOOL,
]);

/** Whether a grouping reads places: to scope a viewer narrower than the country, to group or to filter by them. */
function readsPlaces(
  viewer: Viewer,
  filter: ResultFilter | null | undefined,
  dims: readonly StatisticsDimension[],
): boolean {
  const everywhere = viewer.scope.kind === 'ALL' || viewer.scope.kind === 'PUBLIC';
  const placeFilter = Object.entries(filter ?? {}).some(
    ([key, value]) => value !== null && value !== undefined && !RESULT_FILTERS.has(key),
  );
  return !everywhere || placeFilter || dims.some((d) => PLACE_DIMENSIONS.has(d));
}

/** The non-place dimensions of a grouping, with the SQL column each is compared on. */
const KEY_COLUMNS: Partial<Record<StatisticsDimension, { column: Sql; type: 'int' | 'text' }>> = {
  YEAR: { column: sql`r.year`, type: 'int' },
  GRADE: { column: sql`r.grade`, type: 'int' },
  SUBJECT: { column: sql`r.subject::text`, type: 'text' },
};

interface Suppression {
  /** Groups hidden that the query's filter selects. */
  suppressed: number;
  /** The condition that excludes the rows of the hidden groups (none: null). */
  exclude: Sql | null;
}

/**
 * Which groups the public does not see (small-cells.ts): decided over the full data of every region
 * for this grouping and the same year/grade/subject filter, whatever places the query asked for.
 */
async function publicSuppression(
  db: Queryable,
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
  const placeColumns =
    level === 'country'
      ? []
      : [sql`m.region_id`, sql`g.code`, ...(level === 'municipality' ? [sql`m.id`] : [])];
  const selected = [
    ...(level === 'country' ? [] : [sql`m.region_id as "regionId"`, sql`g.code as "regionCode"`]),
    ...(level === 'municipality' ? [sql`m.id as "municipalityId"`] : []),
    ...keyDims.map((k, i) => sql`${k.column} as ${sql.ident(`k${i}`)}`),
    sql`count(distinct r.school_id)::int as schools`,
  ];
  const groupColumns = [...placeColumns, ...keyDims.map((k) => k.column)];
  const rows = await db.query<Record<string, string | number> & { schools: number }>(
    sql`select ${sql.join(selected)} from ${resultsOf(q.table, level !== 'country')}
      ${sql.where([scopedSchools(viewer, null, 'filter', 'aggregate'), ...narrowResults(q.filter)])}
      ${groupColumns.length > 0 ? sql`group by ${sql.join(groupColumns)}` : sql.empty}`,
  );
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
    return { suppressed, exclude: sql`false` };
  }
  // The hidden group keys as one JSON parameter, a relation the rows are anti-joined with.
  const columns = [
    ...(level === 'country'
      ? []
      : [{ column: level === 'municipality' ? sql`m.id` : sql`g.id`, type: 'int' as const }]),
    ...keyDims,
  ];
  const keys = hidden.map((c) => {
    const place = level === 'municipality' ? c.municipalityId : c.regionId;
    const values = [...(level === 'country' ? [] : [place]), ...keyDims.map((_k, i) => c.row[`k${i}`])];
    return Object.fromEntries(values.map((v, i) => [`c${i}`, v]));
  });
  const types = sql.join(columns.map((c, i) => sql`${sql.ident(`c${i}`)} ${sql.raw(c.type)}`));
  const match = sql.join(
    columns.map((c, i) => sql`h.${sql.ident(`c${i}`)} = ${c.column}`),
    ' and ',
  );
  const exclude = sql`not exists (select 1 from jsonb_to_recordset(${JSON.stringify(keys)}::jsonb) as h(${types})
    where ${match})`;
  return { suppressed, exclude };
}

/**
 * One GROUP BY over the result rows of the viewer's scope: sums of counts per group, from which
 * ratios are pooled. The page is an offset into the ordered groups (groups have no natural id).
 * The public sees only groups of at least `publicMinSchools` schools (with complementary
 * suppression); `suppressed` counts the groups it does not see.
 */
export async function groupedSums(db: Queryable, viewer: Viewer, q: StatisticsQuery) {
  if (q.table !== 'vpr_result' && q.groupBy.includes(StatisticsDimension.GRADE)) {
    throw badUserInput('groupBy', 'groupBy: GRADE applies to ВПР only (ОГЭ is grade 9, ЕГЭ grade 11)');
  }
  const dims = [...new Set(q.groupBy)];
  authorizeQuery(viewer, q.filter, dims);
  const isPublic = viewer.scope.kind === 'PUBLIC';
  const { suppressed, exclude } = isPublic
    ? await publicSuppression(db, viewer, q, dims)
    : { suppressed: 0, exclude: null };
  // Grouped sums only: the public may see them per region and municipality, never per school.
  const from = sql`from ${resultsOf(q.table, readsPlaces(viewer, q.filter, dims))} ${sql.where([
    scopedSchools(viewer, q.filter, 'filter', 'aggregate'),
    ...narrowResults(q.filter),
    exclude,
  ])}`;
  const groupColumns = sql.join(dims.map((d) => DIMENSIONS[d].group));
  const selected = sql.join([
    ...dims.map((d) => DIMENSIONS[d].select),
    ...Object.entries(q.sums).map(([alias, expression]) => sql`${expression} as ${sql.ident(alias)}`),
    ...(q.schoolCount ? [sql`count(distinct r.school_id)::int as "schoolCount"`] : []),
  ]);
  const grouped =
    dims.length > 0
      ? sql`group by ${groupColumns} order by ${sql.join(dims.map((d) => DIMENSIONS[d].order))}`
      : sql.empty;
  const offset = q.after ? Number(decodeCursor(q.after, ['int'])[0]) : 0;
  // Without GROUP BY an aggregate has one row even when every row is excluded: hidden, it has none.
  const totalHidden = dims.length === 0 && suppressed > 0;
  const flat = totalHidden
    ? []
    : await db.query<GroupRow>(
        sql`select ${selected} ${from} ${grouped} limit ${q.first + 1}${offset > 0 ? sql` offset ${offset}` : sql.empty}`,
      );
  const rows = flat.map(nest);
  const totalCount = async () => {
    if (dims.length === 0) return totalHidden ? 0 : 1;
    const [counted] = await db.query<{ n: string }>(
      sql`select count(distinct (${groupColumns})) as n ${from}`,
    );
    return Number(counted?.n ?? 0);
  };
  return {
    rows,
    offset,
    totalCount,
    suppressed,
    cursorAt: (i: number) => encodeCursor([offset + i + 1]),
  };
}
