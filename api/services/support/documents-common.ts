import { GraphQLError } from 'graphql';
import { isValidYmd } from '../../../analytics/support/dates.js';
import { type Queryable } from '../../../db/queryable.js';
import { EVIDENCE_URL_PATTERN } from '../../../schema/entities/support/evidence-url.js';
import { sql, type Sql } from '../../../db/sql.js';
import { type Target } from '../../auth/permissions.js';
import { badUserInput } from '../../errors.js';
import { decodeCursor, encodeCursor, pageSize } from '../../pagination.js';
import { type Context } from '../../context.js';
import { toConnection, type ConnectionResult } from '../../graphql/types/page-info.type.js';
import { type PageArgs } from '../../graphql/inputs/page.args.js';

/**
 * What the school's work (issue 12 items 2 and 7: documents, measures, diagnostics, activity
 * reports, best practices) shares: the school a write names, with its place and its date today,
 * the checks of texts, dates and links, the mapping of a refused write to BAD_USER_INPUT, and
 * keyset pages by id.
 */

/** A school as a write finds it: its place (for `authorize`) and today's date in its region's time zone. */
export interface SchoolPlace {
  id: number;
  code: string;
  municipalityId: number;
  regionId: number;
  /** The request date where the school is (region.time_zone), ISO. */
  today: string;
}

export const placeOf = (school: SchoolPlace): Target['place'] => ({
  regionId: school.regionId,
  municipalityId: school.municipalityId,
  schoolId: school.id,
});

/** The school place columns and today's date, from `school s join municipality m join region g`. */
export const SCHOOL_PLACE_COLUMNS = sql`s.id, s.code, s.municipality_id as "municipalityId",
  m.region_id as "regionId", (now() at time zone g.time_zone)::date::text as today`;

/**
 * The school a write names by code, whatever the viewer's scope: the permission check that follows
 * decides (a school writing for another school is FORBIDDEN, not «unknown»). Unknown: BAD_USER_INPUT.
 */
export async function schoolByCode(db: Queryable, argument: string, code: string): Promise<SchoolPlace> {
  const [school] = await db.query<SchoolPlace>(
    sql`select ${SCHOOL_PLACE_COLUMNS} from school s join municipality m on m.id = s.municipality_id
      join region g on g.id = m.region_id where s.code = ${code}`,
  );
  if (!school) throw badUserInput(argument, `${argument}: no school «${code.slice(0, 100)}»`);
  return school;
}

/** An id argument as the bigint text of a row id. */
export function rowId(argument: string, id: string): string {
  if (!/^[1-9]\d{0,17}$/.test(id))
    throw badUserInput(argument, `${argument}: «${id.slice(0, 40)}» is not an id`);
  return id;
}

/** A required text, trimmed; blank is BAD_USER_INPUT. */
export function requiredText(argument: string, value: string | null | undefined): string {
  const text = (value ?? '').trim();
  if (!text) throw badUserInput(argument, `${argument}: must not be empty`);
  return text;
}

/** An optional text, trimmed; blank is none. */
export const optionalText = (value: string | null | undefined): string | null => value?.trim() || null;

/** A GraphQL `Date` argument (graphql-scalars parses it as UTC midnight) as its ISO text. */
export const isoDate = (date: Date): string => date.toISOString().slice(0, 10);

/** An ISO date (YYYY-MM-DD) that exists in the calendar. */
export function isoDateArgument(argument: string, value: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match || !isValidYmd(Number(match[1]), Number(match[2]), Number(match[3]))) {
    throw badUserInput(argument, `${argument}: «${value.slice(0, 40)}» is not a date YYYY-MM-DD`);
  }
  return value;
}

/**
 * An http(s) link with a host, or none (SUPPORT-V1 §1: evidence links; schema/entities/support/
 * evidence-url.ts keeps the same rule in the tables).
 */
export function httpLink(argument: string, value: string | null | undefined): string | null {
  const link = optionalText(value);
  if (link === null) return null;
  if (!EVIDENCE_URL_PATTERN.test(link)) {
    throw badUserInput(argument, `${argument}: «${link.slice(0, 100)}» is not an http or https link`);
  }
  return link;
}

/** SQLSTATE and constraint of a refused statement (pg and MikroORM's exceptions alike). */
function refusal(error: unknown): { code: string; constraint: string } {
  const e = error as { code?: unknown; constraint?: unknown } | null;
  return {
    code: typeof e?.code === 'string' ? e.code : '',
    constraint: typeof e?.constraint === 'string' ? e.constraint : '',
  };
}

/**
 * A write the tables refused (a check, a unique key, a trigger) as BAD_USER_INPUT naming the
 * argument: `arguments` maps a constraint name (or a SQLSTATE) to the argument and the sentence;
 * any other integrity violation (class 23) names `fallback`. Anything else is rethrown.
 */
export function asBadInput(
  error: unknown,
  fallback: string,
  known: Record<string, { argument: string; message: string }> = {},
): never {
  const { code, constraint } = refusal(error);
  const hit = known[constraint] ?? known[code];
  if (hit) throw badUserInput(hit.argument, `${hit.argument}: ${hit.message}`);
  if (code.startsWith('23')) {
    throw badUserInput(fallback, `${fallback}: refused by the database rule ${constraint || code}`);
  }
  throw error;
}

/** BAD_USER_INPUT naming the argument, with more extensions (e.g. the current status). */
export function badInputWith(argument: string, message: string, extensions: object): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', argument, ...extensions } });
}

/**
 * A keyset page of rows ordered by their bigint id: `select` gets the condition «after the cursor»
 * and the limit; `count` counts every row of the filter.
 */
export async function pageById<T extends { id: string }>(
  ctx: Context,
  page: PageArgs,
  select: (after: Sql, limit: number) => Promise<T[]>,
  count: () => Promise<number>,
  idColumn: Sql,
): Promise<ConnectionResult<T>> {
  const size = pageSize(page.first, ctx.config.defaultPageSize, ctx.config.maxPageSize);
  const after = page.after ? String(decodeCursor(page.after, ['bigint'])[0]) : null;
  const rows = await select(after === null ? sql`true` : sql`${idColumn} > ${after}::bigint`, size + 1);
  return toConnection(rows, size, Boolean(page.after), (r) => encodeCursor([r.id]), count);
}
