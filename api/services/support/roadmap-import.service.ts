import { type EntityManager } from '@mikro-orm/postgresql';
import { GraphQLError } from 'graphql';
import {
  type DeadlinePeriod,
  parseDeadline,
  type ParsedDeadline,
  SUPPORT_V1,
  SUPPORT_VERSION,
} from '../../../analytics/support/index.js';
import { isValidYmd } from '../../../analytics/support/dates.js';
import { sql } from '../../../db/sql.js';
import { parseRoadmapTable } from '../../../ingest/roadmap/parse-table.js';
import {
  Activity,
  AuditLogEntry,
  Municipality,
  Region,
  Roadmap,
  School,
  SupportOrder,
} from '../../../schema/entities/index.js';
import { type DeadlineKind, RoadmapLevel } from '../../../schema/enums.js';
import { authorize } from '../../auth/permissions.js';
import { type Context } from '../../context.js';
import { badUserInput } from '../../errors.js';
import { checkYear } from '../../graphql/inputs/validate.js';
import { roadmapForWriter, type RoadmapView } from './roadmap-read.service.js';

/**
 * The import of a pasted roadmap table (SUPPORT-V1 §3): the table parsed (ingest/roadmap), the
 * period given or derived (step 7), every deadline read with it (§2), the warnings of step 8, and
 * the roadmap, its activities, its approving order (found or created) and the audit entry written
 * in one transaction through the request's unit of work. Nothing is written when it fails.
 *
 * **Re-import.** A roadmap is identified by its owner (level and place), its list year and its
 * approving order (number and date; none is an identity of its own). Importing again with the same
 * three replaces the roadmap's activities, period and source text in place (same id) — unless an
 * activity has a status record or a school report: then `CONFLICT`, nothing changed.
 */

export type RoadmapWarningCode = 'UNPARSED_DEADLINE' | 'DUE_OUTSIDE_PERIOD' | 'DUPLICATE_NUMBER';

export interface RoadmapImportWarning {
  code: RoadmapWarningCode;
  /** The activity's ordinal (1, 2, …). */
  ordinal: number;
  /** The activity's number as written. */
  number: string;
  /** The physical line (1-based) of the text where the activity starts. */
  line: number;
  message: string;
}

export interface RoadmapImportArgs {
  text: string;
  level: RoadmapLevel;
  regionCode: string;
  /** A municipality of the region: its id, or its name (case-insensitive, ё = е). */
  municipality?: string | null;
  schoolCode?: string | null;
  listYear: number;
  /** ISO dates; absent: derived from the explicit deadlines (§3 step 7). */
  period?: { start: string; end: string } | null;
  /** The approving order of the owner's place, found by number and date or created. */
  order?: { number: string; date: string; issuer?: string | null; title?: string | null } | null;
  /**
   * How an argument is named in errors: GraphQL's `input.regionCode` (the default), the CLI's flags.
   */
  argumentName?: (field: RoadmapImportField) => string;
}

export type RoadmapImportField =
  | 'text'
  | 'level'
  | 'regionCode'
  | 'municipality'
  | 'schoolCode'
  | 'listYear'
  | 'periodStart'
  | 'periodEnd'
  | 'orderNumber'
  | 'orderDate';

export interface RoadmapImportResult {
  roadmap: RoadmapView;
  warnings: RoadmapImportWarning[];
  /** True when an existing roadmap (same owner, list year and order) was replaced. */
  replaced: boolean;
  /** True when the period was derived from the deadlines (§3 step 7). */
  periodDerived: boolean;
  activityCount: number;
}

/** An import refused by the table itself: BAD_USER_INPUT on the argument, `reason` the §3 code. */
function importError(argument: string, reason: string, message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', argument, reason } });
}

export function roadmapConflict(message: string, details: object = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'CONFLICT', ...details } });
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A valid ISO date (YYYY-MM-DD), or BAD_USER_INPUT naming the argument. */
export function isoDateArg(argument: string, value: string): string {
  const match = ISO_DATE.exec(value);
  if (!match || !isValidYmd(Number(match[1]), Number(match[2]), Number(match[3]))) {
    throw badUserInput(argument, `${argument}: «${value.slice(0, 40)}» is not a date (YYYY-MM-DD)`);
  }
  return value;
}

interface Place {
  regionId: number;
  regionCode: string;
  regionName: string;
  municipalityId: number | null;
  municipalityName: string | null;
  schoolId: number | null;
  schoolCode: string | null;
  schoolName: string | null;
}

type Db = Pick<Context, 'db'>['db'];

/** ё = е, lower case, whitespace collapsed: how a municipality's name is matched. */
const folded = (text: string) => text.toLowerCase().replaceAll('ё', 'е').replace(/\s+/g, ' ').trim();

async function resolvePlace(
  db: Db,
  args: RoadmapImportArgs,
  name: (f: RoadmapImportField) => string,
): Promise<Place> {
  const [region] = await db.query<{ id: number; code: string; name: string }>(
    sql`select id, code, name from region where code = ${args.regionCode}`,
  );
  if (!region)
    throw badUserInput(name('regionCode'), `${name('regionCode')}: no region «${args.regionCode}»`);
  const municipalityText = args.municipality?.trim() || null;
  const schoolCode = args.schoolCode?.trim() || null;
  if (args.level === RoadmapLevel.REGION && municipalityText) {
    throw badUserInput(
      name('municipality'),
      `${name('municipality')}: a region's roadmap has no municipality`,
    );
  }
  if (args.level !== RoadmapLevel.SCHOOL && schoolCode) {
    throw badUserInput(name('schoolCode'), `${name('schoolCode')}: only a school's roadmap names a school`);
  }
  const place: Place = {
    regionId: region.id,
    regionCode: region.code,
    regionName: region.name,
    municipalityId: null,
    municipalityName: null,
    schoolId: null,
    schoolCode: null,
    schoolName: null,
  };
  if (municipalityText) {
    const candidates = await db.query<{ id: number; name: string }>(
      /^\d{1,9}$/.test(municipalityText)
        ? sql`select id, name from municipality where region_id = ${region.id} and id = ${Number(municipalityText)}`
        : sql`select id, name from municipality where region_id = ${region.id} order by id`,
    );
    const matching = /^\d{1,9}$/.test(municipalityText)
      ? candidates
      : candidates.filter((m) => folded(m.name) === folded(municipalityText));
    if (matching.length !== 1) {
      throw badUserInput(
        name('municipality'),
        matching.length === 0
          ? `${name('municipality')}: region ${region.code} has no municipality «${municipalityText}» (give its id or its name)`
          : `${name('municipality')}: «${municipalityText}» names ${matching.length} municipalities of region ${region.code}; give the id`,
      );
    }
    place.municipalityId = matching[0]?.id ?? null;
    place.municipalityName = matching[0]?.name ?? null;
  } else if (args.level === RoadmapLevel.MUNICIPALITY) {
    throw badUserInput(
      name('municipality'),
      `${name('municipality')}: a municipality's roadmap needs its municipality`,
    );
  }
  if (args.level === RoadmapLevel.SCHOOL) {
    if (!schoolCode)
      throw badUserInput(name('schoolCode'), `${name('schoolCode')}: a school's roadmap needs its school`);
    const [school] = await db.query<{
      id: number;
      code: string;
      name: string;
      municipalityId: number;
      municipalityName: string;
    }>(
      sql`select s.id, s.code, s.name, s.municipality_id as "municipalityId", m.name as "municipalityName"
        from school s join municipality m on m.id = s.municipality_id
        where s.code = ${schoolCode} and m.region_id = ${region.id}`,
    );
    if (!school) {
      throw badUserInput(
        name('schoolCode'),
        `${name('schoolCode')}: region ${region.code} has no school «${schoolCode}»`,
      );
    }
    if (place.municipalityId !== null && place.municipalityId !== school.municipalityId) {
      throw badUserInput(
        name('schoolCode'),
        `${name('schoolCode')}: school ${school.code} is not in municipality ${place.municipalityId}`,
      );
    }
    place.municipalityId = school.municipalityId;
    place.municipalityName = school.municipalityName;
    place.schoolId = school.id;
    place.schoolCode = school.code;
    place.schoolName = school.name;
  }
  return place;
}

/** §3 step 7: the period as given, or min(startForPeriod) … max(due) over the explicit deadlines. */
function periodOf(
  deadlineTexts: readonly string[],
  given: DeadlinePeriod | null,
  name: (f: RoadmapImportField) => string,
): { period: DeadlinePeriod; derived: boolean } {
  if (given) return { period: given, derived: false };
  let start: string | null = null;
  let end: string | null = null;
  for (const text of deadlineTexts) {
    const parsed = parseDeadline(text, null, SUPPORT_V1);
    if (!parsed.explicit) continue;
    if (parsed.startForPeriod !== null && (start === null || parsed.startForPeriod < start)) {
      start = parsed.startForPeriod;
    }
    if (parsed.due !== null && (end === null || parsed.due > end)) end = parsed.due;
  }
  if (start === null || end === null || start > end) {
    throw importError(
      name('periodStart'),
      'PERIOD_REQUIRED',
      `PERIOD_REQUIRED: no deadline of the table fixes its own dates (a month with a year, a date, a quarter, a year), so the period cannot be derived; give ${name('periodStart')} and ${name('periodEnd')}`,
    );
  }
  return { period: { start, end }, derived: true };
}

function warningsOf(
  activities: readonly { ordinal: number; number: string; lines: number[]; deadlineText: string }[],
  parsed: readonly ParsedDeadline[],
  period: DeadlinePeriod,
): RoadmapImportWarning[] {
  const warnings: RoadmapImportWarning[] = [];
  activities.forEach((activity, i) => {
    const deadline = parsed[i];
    if (!deadline) return;
    const at = { ordinal: activity.ordinal, number: activity.number, line: activity.lines[0] ?? 0 };
    if (deadline.kind === 'UNPARSED') {
      warnings.push({
        code: 'UNPARSED_DEADLINE',
        ...at,
        message: `activity ${activity.number}: the deadline «${activity.deadlineText}» is not one of SUPPORT-V1 §2; kept as text, without start and due (never overdue)`,
      });
    } else if (deadline.due !== null && (deadline.due < period.start || deadline.due > period.end)) {
      warnings.push({
        code: 'DUE_OUTSIDE_PERIOD',
        ...at,
        message: `activity ${activity.number}: due ${deadline.due} lies outside the period ${period.start} … ${period.end}; kept as read`,
      });
    }
  });
  return warnings;
}

const GRAPHQL_NAME = (field: RoadmapImportField) => `input.${field}`;

/**
 * SUPPORT-V1 §3: imports a roadmap table for its owner (REGION, MUNICIPALITY or SCHOOL) and list
 * year, approved by `order` when given. `support.plan` on the owner's place.
 */
export async function importRoadmap(
  ctx: Pick<Context, 'db' | 'em' | 'viewer'>,
  args: RoadmapImportArgs,
): Promise<RoadmapImportResult> {
  const name = args.argumentName ?? GRAPHQL_NAME;
  // The role first: a viewer that may not plan learns nothing about places.
  authorize(ctx.viewer, 'support.plan');
  checkYear(name('listYear'), args.listYear);
  const given = args.period
    ? {
        start: isoDateArg(name('periodStart'), args.period.start),
        end: isoDateArg(name('periodEnd'), args.period.end),
      }
    : null;
  if (given && given.start > given.end) {
    throw badUserInput(
      name('periodEnd'),
      `${name('periodEnd')}: the period ends (${given.end}) before it starts (${given.start})`,
    );
  }
  const order = args.order
    ? {
        number: args.order.number.trim(),
        date: isoDateArg(name('orderDate'), args.order.date),
        issuer: args.order.issuer?.trim() || null,
        title: args.order.title?.trim() || null,
      }
    : null;
  if (order && order.number === '')
    throw badUserInput(name('orderNumber'), `${name('orderNumber')}: the order's number is empty`);

  const place = await resolvePlace(ctx.db, args, name);
  authorize(ctx.viewer, 'support.plan', {
    place: { regionId: place.regionId, municipalityId: place.municipalityId, schoolId: place.schoolId },
  });

  const table = parseRoadmapTable(args.text, { schoolExecutors: SUPPORT_V1.import.schoolExecutors });
  if (!table.ok)
    throw importError(name('text'), table.error.code, `${table.error.code}: ${table.error.message}`);
  const { period, derived } = periodOf(
    table.activities.map((a) => a.deadlineText),
    given,
    name,
  );
  const deadlines = table.activities.map((a) => parseDeadline(a.deadlineText, period, SUPPORT_V1));
  const warnings: RoadmapImportWarning[] = [
    ...warningsOf(table.activities, deadlines, period),
    ...table.warnings.map((w) => {
      const activity = table.activities.find((a) => a.lines[0] === w.line);
      return {
        code: w.code,
        ordinal: activity?.ordinal ?? 0,
        number: w.number,
        line: w.line,
        message: w.message,
      };
    }),
  ].sort((a, b) => a.line - b.line || a.code.localeCompare(b.code));

  const written = await ctx.em.transactional(async (em) => {
    // Imports of one owner and year wait for each other: the re-import check below stays true until commit.
    await em.execute(`select pg_advisory_xact_lock(hashtext('roadmap-import'), hashtext(?))`, [
      `${args.level}:${place.regionId}:${place.municipalityId ?? ''}:${place.schoolId ?? ''}:${args.listYear}`,
    ]);
    const orderId = order ? await findOrder(em, place, order) : null;
    const [existing] = await em.execute<{ id: string }[]>(
      `select id::text as id from roadmap
        where level = ? and region_id = ? and municipality_id is not distinct from ?
          and school_id is not distinct from ? and list_year = ? and approving_order_id is not distinct from ?
        order by id limit 1 for update`,
      [args.level, place.regionId, place.municipalityId, place.schoolId, args.listYear, orderId],
    );
    if (existing) await refuseOverRecords(em, existing.id);
    const roadmapId =
      existing?.id ??
      (
        await em.execute<{ id: string }[]>(
          `select nextval(pg_get_serial_sequence('roadmap', 'id'))::text as id`,
        )
      )[0]?.id;
    if (!roadmapId) throw new Error('roadmap import: no id from the roadmap sequence');

    const approvingOrder =
      orderId !== null
        ? em.getReference(SupportOrder, orderId)
        : order
          ? em.create(SupportOrder, {
              number: order.number,
              date: order.date,
              issuer: order.issuer ?? issuerOf(place),
              region: em.getReference(Region, place.regionId),
              municipality:
                place.municipalityId !== null ? em.getReference(Municipality, place.municipalityId) : null,
              title:
                order.title ?? `Об утверждении дорожной карты (план мероприятий) на ${args.listYear} год`,
            })
          : null;
    let roadmap: Roadmap;
    if (existing) {
      await em.nativeDelete(Activity, { roadmap: roadmapId });
      roadmap = await em.findOneOrFail(Roadmap, roadmapId);
      roadmap.periodStart = period.start;
      roadmap.periodEnd = period.end;
      roadmap.sourceText = args.text;
    } else {
      roadmap = em.create(Roadmap, {
        id: roadmapId,
        level: args.level,
        region: em.getReference(Region, place.regionId),
        municipality:
          place.municipalityId !== null ? em.getReference(Municipality, place.municipalityId) : null,
        school: place.schoolId !== null ? em.getReference(School, place.schoolId) : null,
        listYear: args.listYear,
        periodStart: period.start,
        periodEnd: period.end,
        approvingOrder,
        sourceText: args.text,
      });
    }
    table.activities.forEach((activity, i) => {
      const deadline = deadlines[i];
      em.create(Activity, {
        roadmap,
        ordinal: activity.ordinal,
        number: activity.number,
        title: activity.title,
        deadlineText: activity.deadlineText,
        deadlineKind: (deadline?.kind ?? 'UNPARSED') as DeadlineKind,
        start: deadline?.start ?? null,
        due: deadline?.due ?? null,
        executorsText: activity.executorsText,
        executors: activity.executors,
        expectedResult: activity.expectedResult,
        requiresSchoolReport: activity.requiresSchoolReport,
      });
    });
    em.persist(
      AuditLogEntry.of(ctx.viewer, 'importRoadmap', `roadmap:${roadmapId}`, {
        level: args.level,
        region: place.regionCode,
        municipalityId: place.municipalityId,
        school: place.schoolCode,
        listYear: args.listYear,
        period,
        periodDerived: derived,
        order: order && { number: order.number, date: order.date },
        activities: table.activities.length,
        warnings: warnings.map((w) => w.code),
        replaced: Boolean(existing),
        support: SUPPORT_VERSION,
      }),
    );
    return { roadmapId, replaced: Boolean(existing) };
  });

  const roadmap = await roadmapForWriter(ctx.db, written.roadmapId);
  if (!roadmap) throw new Error(`roadmap import: roadmap ${written.roadmapId} not found after commit`);
  return {
    roadmap,
    warnings,
    replaced: written.replaced,
    periodDerived: derived,
    activityCount: table.activities.length,
  };
}

/** Who issued an order when the import is not told: the owner's place. */
function issuerOf(place: Place): string {
  return place.schoolName ?? place.municipalityName ?? place.regionName;
}

/** The stored order of the owner's place (a school's: its municipality's) with this number and date. */
async function findOrder(
  em: EntityManager,
  place: Place,
  order: { number: string; date: string },
): Promise<string | null> {
  const [row] = await em.execute<{ id: string }[]>(
    `select id::text as id from support_order
      where region_id = ? and municipality_id is not distinct from ? and number = ? and date = ?
      order by id limit 1`,
    [place.regionId, place.municipalityId, order.number, order.date],
  );
  return row?.id ?? null;
}

/** §3 step 8: re-importing over status records or school reports is a CONFLICT. */
async function refuseOverRecords(em: EntityManager, roadmapId: string): Promise<void> {
  const [counts] = await em.execute<{ records: number; reports: number }[]>(
    `select
      (select count(*)::int from activity_status_record x join activity a on a.id = x.activity_id where a.roadmap_id = ?) as records,
      (select count(*)::int from activity_report x join activity a on a.id = x.activity_id where a.roadmap_id = ?) as reports`,
    [roadmapId, roadmapId],
  );
  const records = counts?.records ?? 0;
  const reports = counts?.reports ?? 0;
  if (records > 0 || reports > 0) {
    throw roadmapConflict(
      `Roadmap ${roadmapId} (same owner, list year and approving order) already has ${records} status records and ${reports} school reports: records are kept, so it cannot be re-imported; import it under another approving order`,
      { roadmapId, records, reports },
    );
  }
}
