import { scopeCondition } from '../../../db/scope.js';
import { sql } from '../../../db/sql.js';
import { AssignmentKind } from '../../../schema/enums.js';
import { Assignment, Municipality, Region, School, SupportOrder } from '../../../schema/entities/index.js';
import { authorize } from '../../auth/permissions.js';
import { type Context } from '../../context.js';
import { badUserInput } from '../../errors.js';
import { type PlaceFilter } from '../../graphql/inputs/place-filter.input.js';
import { type PersonInput } from '../../graphql/inputs/support/assignments.inputs.js';
import { toId } from '../school-query.js';
import { municipalityJson, orderJson, regionJson } from './orders.service.js';
import {
  asOfDate,
  audited,
  checkPeriod,
  checkText,
  findMunicipality,
  findOrderOf,
  findRegistrySchool,
  idPage,
  placeConditions,
  schoolJson,
} from './orders.shared.js';

/**
 * Coordinators of a municipality and curators of its schools (SUPPORT-V1 §1): set by the
 * municipality (support.assign on the municipality — also for a curator of one of its schools).
 */

export interface AssignmentRow {
  id: string;
  kind: AssignmentKind;
  person: { fullName: string; key: string };
  region: object;
  municipality: object;
  school: object | null;
  from: string;
  to: string | null;
  order: object | null;
  createdAt: Date;
}

const ASSIGNMENTS = sql`assignment a join region g on g.id = a.region_id join municipality m on m.id = a.municipality_id
  left join school s on s.id = a.school_id left join support_order o on o.id = a.order_id`;

const columns = (ctx: Context) => sql`a.id::text as id, a.kind,
  json_build_object('fullName', a.person_full_name, 'key', a.person_key) as person,
  ${regionJson('g')} as region, ${municipalityJson('m')} as municipality, ${schoolJson(ctx.viewer, 's', 'm')} as school,
  to_char(a.valid_from, 'YYYY-MM-DD') as "from", to_char(a.valid_to, 'YYYY-MM-DD') as "to",
  ${orderJson('o')} as "order", a.created_at as "createdAt"`;

const PLACE = {
  regionId: sql`a.region_id`,
  municipalityId: sql`a.municipality_id`,
  schoolCodes: (codes: readonly string[]) =>
    sql`exists (select from school fs where fs.id = a.school_id and ${sql.in(sql`fs.code`, codes)})`,
};

/**
 * assignments: those open on `asOf` (from ≤ asOf ≤ to, an open `to` counting), by default on
 * today's date of each assignment's region. A school's or a curator's scope reads the curators of
 * its schools; coordinators belong to the municipality.
 */
export function assignments(
  ctx: Context,
  args: {
    filter?: PlaceFilter | null;
    asOf?: string | null;
    kind?: AssignmentKind | null;
    first?: number | null;
    after?: string | null;
  },
) {
  authorize(ctx.viewer, 'support.read');
  const day = asOfDate(args.asOf, sql`a.region_id`);
  return idPage<AssignmentRow>(ctx, args, {
    columns: columns(ctx),
    from: ASSIGNMENTS,
    id: sql`a.id`,
    conditions: [
      scopeCondition(ctx.viewer, { ...PLACE, schoolId: sql`a.school_id` }, 'rows'),
      ...placeConditions(args.filter, PLACE, 'assignments'),
      sql`a.valid_from <= ${day} and (a.valid_to is null or a.valid_to >= ${day})`,
      args.kind ? sql`a.kind = ${args.kind}` : null,
    ],
  });
}

async function assignmentById(ctx: Context, id: string): Promise<AssignmentRow> {
  const [row] = await ctx.db.query<AssignmentRow>(
    sql`select ${columns(ctx)} from ${ASSIGNMENTS} where a.id = ${id}::bigint`,
  );
  if (!row) throw new Error(`assignment ${id} vanished`);
  return row;
}

interface AssignArgs {
  person: PersonInput;
  from: string;
  to?: string | null;
  orderId?: string | null;
}

async function assign(
  ctx: Context,
  action: string,
  kind: AssignmentKind,
  place: { regionId: number; municipalityId: number; schoolId: number | null },
  args: AssignArgs,
): Promise<AssignmentRow> {
  // the municipality sets its coordinators and the curators of its schools
  authorize(ctx.viewer, 'support.assign', {
    place: { regionId: place.regionId, municipalityId: place.municipalityId },
  });
  const fullName = checkText('person.fullName', args.person.fullName);
  const key = checkText('person.key', args.person.key);
  checkPeriod(args.from, args.to);
  const orderId = await findOrderOf(ctx, 'orderId', args.orderId, place);
  const stored = await audited(ctx, {
    action,
    change: (em) =>
      em.create(Assignment, {
        kind,
        personFullName: fullName,
        personKey: key,
        region: em.getReference(Region, place.regionId),
        municipality: em.getReference(Municipality, place.municipalityId),
        school: place.schoolId ? em.getReference(School, place.schoolId) : null,
        validFrom: args.from,
        validTo: args.to ?? null,
        order: orderId ? em.getReference(SupportOrder, orderId) : null,
      }),
    target: (a) => `assignment:${a.id}`,
    details: () => ({
      kind,
      ...place,
      personKey: key,
      fullName,
      from: args.from,
      to: args.to ?? null,
      orderId,
    }),
  });
  return assignmentById(ctx, stored.id);
}

/** assignCoordinator: the municipality's coordinator (its MUNICIPAL_ANALYST). */
export async function assignCoordinator(ctx: Context, municipalityId: string, args: AssignArgs) {
  const municipality = await findMunicipality(ctx, 'municipalityId', municipalityId);
  return assign(
    ctx,
    'assignCoordinator',
    AssignmentKind.COORDINATOR,
    { regionId: municipality.regionId, municipalityId: municipality.id, schoolId: null },
    args,
  );
}

/** assignCurator: a curator of a school, set by the school's municipality. */
export async function assignCurator(ctx: Context, schoolCode: string, args: AssignArgs) {
  const school = await findRegistrySchool(ctx, 'schoolCode', schoolCode);
  return assign(
    ctx,
    'assignCurator',
    AssignmentKind.CURATOR,
    { regionId: school.regionId, municipalityId: school.municipalityId, schoolId: school.id },
    args,
  );
}

/**
 * endAssignment: the assignment ends on `to` (included). It may end earlier than it was to end,
 * never before it began, and an ended one is not extended (assign anew).
 */
export async function endAssignment(ctx: Context, id: string, to: string): Promise<AssignmentRow> {
  const [row] = await ctx.db.query<{
    id: string;
    regionId: number;
    municipalityId: number;
    from: string;
    to: string | null;
  }>(
    sql`select id::text as id, region_id as "regionId", municipality_id as "municipalityId",
      to_char(valid_from, 'YYYY-MM-DD') as "from", to_char(valid_to, 'YYYY-MM-DD') as "to"
      from assignment where id = ${toId('id', id)}`,
  );
  if (!row) throw badUserInput('id', `id: no assignment «${id}»`);
  authorize(ctx.viewer, 'support.assign', {
    place: { regionId: row.regionId, municipalityId: row.municipalityId },
  });
  checkPeriod(row.from, to);
  if (row.to !== null && to > row.to) {
    throw badUserInput(
      'to',
      `to: assignment ${row.id} already ends on ${row.to}; assign the person anew to extend it`,
    );
  }
  await audited(ctx, {
    action: 'endAssignment',
    change: async (em) => {
      const stored = await em.findOneOrFail(Assignment, { id: row.id });
      stored.validTo = to;
      return stored;
    },
    target: () => `assignment:${row.id}`,
    details: () => ({ from: row.from, previousTo: row.to, to }),
  });
  return assignmentById(ctx, row.id);
}
