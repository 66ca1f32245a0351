import { scopeCondition } from '../../../db/scope.js';
import { sql } from '../../../db/sql.js';
import {
  Municipality,
  Region,
  School,
  SupportEvent,
  SupportEventSchool,
} from '../../../schema/entities/index.js';
import { authorize } from '../../auth/permissions.js';
import { type Context } from '../../context.js';
import { badUserInput } from '../../errors.js';
import { type PlaceFilter } from '../../graphql/inputs/place-filter.input.js';
import { type CreateSupportEventInput } from '../../graphql/inputs/support/events.inputs.js';
import { SCHOOLS, scopedSchools } from '../school-query.js';
import { municipalityJson, regionJson } from './orders.service.js';
import {
  audited,
  checkPeriod,
  checkText,
  findPlace,
  idPage,
  isoDate,
  placeConditions,
  schoolJson,
} from './orders.shared.js';

/**
 * Events (SUPPORT-V1 §1): organised by a region, a municipality or a school (support.plan of that
 * place), with the schools they reached. A viewer reads an event when the organiser or a school it
 * reached lies in its scope, and of the reached schools only those in its scope: a curator (or a
 * school) never learns through an event which other schools it reached, only how many.
 */

export interface EventRow {
  id: string;
  kind: string;
  date: string;
  level: string;
  region: object;
  municipality: object | null;
  organiserSchool: object | null;
  title: string;
  participants: number;
  schools: object[];
  schoolsReached: number;
  createdAt: Date;
}

const EVENTS = sql`support_event e join region g on g.id = e.region_id
  left join municipality m on m.id = e.municipality_id left join school os on os.id = e.school_id`;

/** A reached school `rs` (of municipality `rm`) in the viewer's scope. */
const reachedInScope = (ctx: Context) =>
  scopeCondition(ctx.viewer, {
    schoolId: sql`rs.id`,
    municipalityId: sql`rs.municipality_id`,
    regionId: sql`rm.region_id`,
  });

const REACHED = sql`support_event_school es join school rs on rs.id = es.school_id join municipality rm on rm.id = rs.municipality_id`;

const columns = (
  ctx: Context,
) => sql`e.id::text as id, e.kind, to_char(e.date, 'YYYY-MM-DD') as date, e.level,
  ${regionJson('g')} as region, ${municipalityJson('m')} as municipality,
  ${schoolJson(ctx.viewer, 'os', 'm')} as "organiserSchool", e.title, e.participants,
  coalesce((select json_agg(${schoolJson(ctx.viewer, 'rs', 'rm')} order by rs.code) from ${REACHED}
    where es.event_id = e.id and (${reachedInScope(ctx)})), '[]'::json) as schools,
  (select count(*)::int from support_event_school ec where ec.event_id = e.id) as "schoolsReached",
  e.created_at as "createdAt"`;

const PLACE = {
  regionId: sql`e.region_id`,
  municipalityId: sql`e.municipality_id`,
  schoolCodes: (codes: readonly string[]) =>
    sql`(${sql.in(sql`os.code`, codes)} or exists (select from support_event_school fe join school fs on fs.id = fe.school_id
      where fe.event_id = e.id and ${sql.in(sql`fs.code`, codes)}))`,
};

/** The events dated from … to (both included, either open) that the viewer may read, in the order they were stored. */
export function supportEvents(
  ctx: Context,
  args: {
    filter?: PlaceFilter | null;
    from?: string | null;
    to?: string | null;
    first?: number | null;
    after?: string | null;
  },
) {
  authorize(ctx.viewer, 'support.read');
  if (args.from) checkPeriod(args.from, args.to);
  const organiser = scopeCondition(ctx.viewer, { ...PLACE, schoolId: sql`e.school_id` }, 'rows');
  return idPage<EventRow>(ctx, args, {
    columns: columns(ctx),
    from: EVENTS,
    id: sql`e.id`,
    conditions: [
      sql`(${organiser}) or exists (select from ${REACHED} where es.event_id = e.id and (${reachedInScope(ctx)}))`,
      ...placeConditions(args.filter, PLACE, 'events'),
      args.from ? sql`e.date >= ${args.from}::date` : null,
      args.to ? sql`e.date <= ${args.to}::date` : null,
    ],
  });
}

async function eventById(ctx: Context, id: string): Promise<EventRow> {
  const [row] = await ctx.db.query<EventRow>(
    sql`select ${columns(ctx)} from ${EVENTS} where e.id = ${id}::bigint`,
  );
  if (!row) throw new Error(`support_event ${id} vanished`);
  return row;
}

/**
 * createSupportEvent: support.plan on the organiser's place (the region's analyst for the region's
 * events, the municipality's for its, a school for its own); every school it reached must be in
 * the viewer's scope (one outside reads as unknown: BAD_USER_INPUT on input.schoolCodes[i]).
 */
export async function createSupportEvent(ctx: Context, input: CreateSupportEventInput): Promise<EventRow> {
  const { region, municipality, school } = await findPlace(ctx, 'input.', input);
  const place = {
    regionId: region.id,
    municipalityId: municipality?.id ?? null,
    schoolId: school?.id ?? null,
  };
  authorize(ctx.viewer, 'support.plan', { place });
  const title = checkText('input.title', input.title);
  if (!Number.isInteger(input.participants) || input.participants < 0) {
    throw badUserInput(
      'input.participants',
      `input.participants: must be 0 or more (got ${input.participants})`,
    );
  }
  const given = input.schoolCodes ?? [];
  const codes = [...new Set(given)];
  const date = isoDate(input.date);
  const found = codes.length
    ? await ctx.db.query<{ id: number; code: string }>(
        sql`select s.id, s.code from ${SCHOOLS} ${sql.where([scopedSchools(ctx.viewer, null), sql.in(sql`s.code`, codes)])}`,
      )
    : [];
  const idOf = new Map(found.map((r) => [r.code, r.id]));
  given.forEach((code, i) => {
    if (!idOf.has(code)) {
      throw badUserInput(
        `input.schoolCodes[${i}]`,
        `input.schoolCodes[${i}]: no school «${code}» in the viewer’s scope`,
      );
    }
  });
  const stored = await audited(ctx, {
    action: 'createSupportEvent',
    change: (em) => {
      const event = em.create(SupportEvent, {
        kind: input.kind,
        date,
        level: input.level,
        region: em.getReference(Region, region.id),
        municipality: municipality ? em.getReference(Municipality, municipality.id) : null,
        school: school ? em.getReference(School, school.id) : null,
        title,
        participants: input.participants,
      });
      for (const code of codes) {
        em.create(SupportEventSchool, { event, school: em.getReference(School, idOf.get(code) as number) });
      }
      return event;
    },
    target: (e) => `support_event:${e.id}`,
    details: () => ({
      kind: input.kind,
      date,
      level: input.level,
      regionCode: region.code,
      municipalityId: place.municipalityId,
      schoolCode: school?.code ?? null,
      participants: input.participants,
      schoolCodes: codes,
    }),
  });
  return eventById(ctx, stored.id);
}
