import { type EntityManager } from '@mikro-orm/postgresql';
import { type GraphQLError } from 'graphql';
import { scopeCondition } from '../../../db/scope.js';
import { sql, type Sql } from '../../../db/sql.js';
import { type Viewer } from '../../../db/viewer.js';
import { AuditLogEntry } from '../../../schema/entities/index.js';
import { type Context } from '../../context.js';
import { badUserInput } from '../../errors.js';
import { type PlaceFilter } from '../../graphql/inputs/place-filter.input.js';
import { type ConnectionResult, toConnection } from '../../graphql/types/page-info.type.js';
import { decodeCursor, encodeCursor, pageSize } from '../../pagination.js';
import { toId } from '../school-query.js';

/**
 * What the organisation services of the support system (SUPPORT-V1 §1: orders, working groups,
 * assignments, ММЦ, partnerships, events) share: places looked up in the registry, checks of
 * periods, one page of stored rows by id, and the write — the change and its audit entry in one
 * transaction, a constraint the database keeps answered as BAD_USER_INPUT naming the argument.
 */

/** A region of the registry (public reference data). */
export interface RegionPlace {
  id: number;
  code: string;
}

export interface MunicipalityPlace {
  id: number;
  name: string;
  regionId: number;
}

/** A school of the registry: its code and name are public registry data; its results are scoped elsewhere. */
export interface SchoolPlace {
  id: number;
  code: string;
  name: string;
  municipalityId: number;
  regionId: number;
}

export async function findRegion(ctx: Context, argument: string, code: string): Promise<RegionPlace> {
  const [row] = await ctx.db.query<RegionPlace>(sql`select id, code from region where code = ${code}`);
  if (!row) throw badUserInput(argument, `${argument}: no region «${code}»`);
  return row;
}

export async function findMunicipality(
  ctx: Context,
  argument: string,
  id: string | number,
): Promise<MunicipalityPlace> {
  const [row] = await ctx.db.query<MunicipalityPlace>(
    sql`select id, name, region_id as "regionId" from municipality where id = ${toId(argument, id)}`,
  );
  if (!row) throw badUserInput(argument, `${argument}: no municipality «${id}»`);
  return row;
}

/**
 * A school of the registry by code, whoever asks: writes name schools the writer may not read
 * (a partner in another municipality); whether the writer may act there is `authorize`'s question.
 */
export async function findRegistrySchool(ctx: Context, argument: string, code: string): Promise<SchoolPlace> {
  const [row] = await ctx.db.query<SchoolPlace>(
    sql`select s.id, s.code, s.name, s.municipality_id as "municipalityId", m.region_id as "regionId"
      from school s join municipality m on m.id = s.municipality_id where s.code = ${code}`,
  );
  if (!row) throw badUserInput(argument, `${argument}: no school «${code}»`);
  return row;
}

/** A place given as region code, municipality id and school code, checked to nest (region ⊃ municipality ⊃ school). */
export async function findPlace(
  ctx: Context,
  prefix: string,
  given: { regionCode: string; municipalityId?: string | null; schoolCode?: string | null },
): Promise<{ region: RegionPlace; municipality: MunicipalityPlace | null; school: SchoolPlace | null }> {
  const region = await findRegion(ctx, `${prefix}regionCode`, given.regionCode);
  const school = given.schoolCode
    ? await findRegistrySchool(ctx, `${prefix}schoolCode`, given.schoolCode)
    : null;
  let municipality =
    given.municipalityId != null
      ? await findMunicipality(ctx, `${prefix}municipalityId`, given.municipalityId)
      : null;
  if (municipality && municipality.regionId !== region.id) {
    throw badUserInput(
      `${prefix}municipalityId`,
      `${prefix}municipalityId: municipality ${municipality.id} is not in region ${region.code}`,
    );
  }
  if (school) {
    if (municipality && school.municipalityId !== municipality.id) {
      throw badUserInput(
        `${prefix}schoolCode`,
        `${prefix}schoolCode: «${school.code}» is not a school of municipality ${municipality.id}`,
      );
    }
    if (school.regionId !== region.id) {
      throw badUserInput(
        `${prefix}schoolCode`,
        `${prefix}schoolCode: «${school.code}» is not a school of region ${region.code}`,
      );
    }
    municipality ??= await findMunicipality(ctx, `${prefix}schoolCode`, school.municipalityId);
  }
  return { region, municipality, school };
}

/**
 * A stored order that a new row refers to: it must exist and be the order of the row's place or of
 * its region (`ofWholeRegion`: of any place of the row's region — the basis of an order).
 */
export async function findOrderOf(
  ctx: Context,
  argument: string,
  id: string | null | undefined,
  place: { regionId: number; municipalityId: number | null },
  ofWholeRegion = false,
): Promise<string | null> {
  if (id === null || id === undefined) return null;
  const [row] = await ctx.db.query<{ id: string; regionId: number; municipalityId: number | null }>(
    sql`select id::text as id, region_id as "regionId", municipality_id as "municipalityId"
      from support_order where id = ${toId(argument, id)}`,
  );
  if (!row) throw badUserInput(argument, `${argument}: no order «${id}»`);
  const fits =
    row.regionId === place.regionId &&
    (ofWholeRegion || row.municipalityId === null || row.municipalityId === place.municipalityId);
  if (!fits) {
    const where = ofWholeRegion ? 'of this region' : 'of this place or of its region';
    throw badUserInput(argument, `${argument}: order ${id} is not an order ${where}`);
  }
  return row.id;
}

/** A GraphQL Date (graphql-scalars: a Date at UTC midnight) as the ISO date it stands for. */
export function isoDate(date: Date | string): string;
export function isoDate(date: Date | string | null | undefined): string | null;
export function isoDate(date: Date | string | null | undefined): string | null {
  if (date == null) return null;
  return typeof date === 'string' ? date : date.toISOString().slice(0, 10);
}

/** A period of ISO dates, both ends included: `to`, when given, is not before `from`. */
export function checkPeriod(from: string, to: string | null | undefined, argument = 'to'): void {
  if (to != null && to < from) {
    throw badUserInput(argument, `${argument}: ${to} is before the start ${from}`);
  }
}

/** A text the row needs: not blank. */
export function checkText(argument: string, value: string): string {
  const text = value.trim();
  if (text === '') throw badUserInput(argument, `${argument}: must not be blank`);
  return text;
}

/** `(now() at time zone …)::date` of a row's region, or the date asked for: the «as of» of open periods. */
export function asOfDate(asOf: string | null | undefined, regionId: Sql): Sql {
  return asOf
    ? sql`${asOf}::date`
    : sql`(now() at time zone (select tz.time_zone from region tz where tz.id = ${regionId}))::date`;
}

/**
 * A SchoolReference (school `s`, its municipality `m`, both joined; null when `s` is): code and
 * name, public registry data, and whether the school is in the viewer's scope — only then does
 * the API give the school itself (with its results) beside them.
 */
export function schoolJson(viewer: Viewer, s: string, m: string): Sql {
  const inScope = scopeCondition(viewer, {
    schoolId: sql.raw(`${s}.id`),
    municipalityId: sql.raw(`${s}.municipality_id`),
    regionId: sql.raw(`${m}.region_id`),
  });
  return sql`case when ${sql.raw(s)}.id is null then null else json_build_object('id', ${sql.raw(s)}.id,
    'code', ${sql.raw(s)}.code, 'name', ${sql.raw(s)}.name,
    'municipality', json_build_object('id', ${sql.raw(m)}.id, 'name', ${sql.raw(m)}.name, 'regionId', ${sql.raw(m)}.region_id),
    'inScope', (${inScope})) end`;
}

/** The columns of a row's place, for the place filter. */
export interface PlaceColumns {
  regionId: Sql;
  municipalityId: Sql;
  /** What `schoolCodes` matches, or absent when the entity has no school (the filter is then refused). */
  schoolCodes?: (codes: readonly string[]) => Sql;
}

/**
 * The place filter of a support list (`filter.regionCodes`, `filter.municipalityIds`,
 * `filter.schoolCodes`): every given condition must hold. An entity without a school refuses
 * `schoolCodes` (BAD_USER_INPUT naming it) rather than answering an empty list.
 */
export function placeConditions(
  filter: PlaceFilter | null | undefined,
  columns: PlaceColumns,
  what: string,
  argument = 'filter',
): Sql[] {
  if (!filter) return [];
  const conditions: Sql[] = [];
  if (filter.regionCodes) {
    conditions.push(
      sql`exists (select from region fr where fr.id = ${columns.regionId} and ${sql.in(sql`fr.code`, filter.regionCodes)})`,
    );
  }
  if (filter.municipalityIds) {
    const ids = filter.municipalityIds.map((id, i) => toId(`${argument}.municipalityIds[${i}]`, id));
    conditions.push(sql.in(columns.municipalityId, ids));
  }
  if (filter.schoolCodes) {
    if (!columns.schoolCodes) {
      throw badUserInput(
        `${argument}.schoolCodes`,
        `${argument}.schoolCodes: ${what} belong to regions and municipalities, not to schools`,
      );
    }
    conditions.push(columns.schoolCodes(filter.schoolCodes));
  }
  return conditions;
}

export interface IdPageQuery {
  /** The select list; the row's id must come out as text in `id`. */
  columns: Sql;
  from: Sql;
  /** The id column the page is keyed by (a bigint). */
  id: Sql;
  conditions: (Sql | null)[];
}

/** One page of stored rows in the order they were stored (by id), keyset-paged: page 400 costs what page 1 does. */
export async function idPage<R extends { id: string }>(
  ctx: Context,
  page: { first?: number | null; after?: string | null },
  q: IdPageQuery,
): Promise<ConnectionResult<R>> {
  const size = pageSize(page.first, ctx.config.defaultPageSize, ctx.config.maxPageSize);
  const after = page.after ? String(decodeCursor(page.after, ['bigint'])[0]) : null;
  const rows = await ctx.db.query<R>(
    sql`select ${q.columns} from ${q.from}
      ${sql.where([...q.conditions, after ? sql`${q.id} > ${after}::bigint` : null])}
      order by ${q.id} limit ${size + 1}`,
  );
  return toConnection(
    rows,
    size,
    Boolean(page.after),
    (r) => encodeCursor([r.id]),
    async () => {
      const [row] = await ctx.db.query<{ n: number }>(
        sql`select count(*)::int as n from ${q.from} ${sql.where(q.conditions)}`,
      );
      return row?.n ?? 0;
    },
  );
}

/** A constraint PostgreSQL refused (SQLSTATE class 23), with its name. */
function violatedConstraint(error: unknown): { code: string; constraint: string } | null {
  const e = error as { code?: unknown; constraint?: unknown } | null;
  if (typeof e?.code !== 'string' || !e.code.startsWith('23')) return null;
  return { code: e.code, constraint: typeof e.constraint === 'string' ? e.constraint : '' };
}

export interface Write<T> {
  /** The audit entry's action: the mutation's name. */
  action: string;
  /** Creates or changes entities on `em` (flushed by `audited`). */
  change: (em: EntityManager) => Promise<T> | T;
  /** The audit entry's target, once the change is flushed (ids are known then), and its details. */
  target: (result: T) => string;
  details: (result: T) => object;
  /** The answer to a constraint PostgreSQL refused, by constraint name; `*` for any other. */
  constraints?: Record<string, () => GraphQLError | Promise<GraphQLError>>;
}

/**
 * The write and its audit entry in one transaction (README: Mutations): the change is flushed (the
 * ids are then known), the entry persisted, and the transaction commits both — or neither, when
 * anything fails. A constraint violation becomes the caller's BAD_USER_INPUT (never a 500): the
 * answer registered for that constraint, else `*`.
 */
export async function audited<T>(ctx: Context, write: Write<T>): Promise<T> {
  try {
    return await ctx.em.transactional(async (em) => {
      const result = await write.change(em);
      await em.flush();
      em.persist(AuditLogEntry.of(ctx.viewer, write.action, write.target(result), write.details(result)));
      return result;
    });
  } catch (error) {
    const violated = violatedConstraint(error);
    const answer = violated && (write.constraints?.[violated.constraint] ?? write.constraints?.['*']);
    if (answer) throw await answer();
    throw error;
  } finally {
    ctx.em.clear();
  }
}
