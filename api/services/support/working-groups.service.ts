import { scopeCondition } from '../../../db/scope.js';
import { sql } from '../../../db/sql.js';
import { WorkingGroupRole } from '../../../schema/enums.js';
import {
  Municipality,
  Region,
  SupportOrder,
  WorkingGroup,
  WorkingGroupMember,
} from '../../../schema/entities/index.js';
import { authorize } from '../../auth/permissions.js';
import { type Context } from '../../context.js';
import { badUserInput } from '../../errors.js';
import { type PlaceFilter } from '../../graphql/inputs/place-filter.input.js';
import {
  type CreateWorkingGroupInput,
  type WorkingGroupMemberInput,
} from '../../graphql/inputs/support/working-groups.inputs.js';
import { toId } from '../school-query.js';
import { municipalityJson, orderJson, regionJson } from './orders.service.js';
import { audited, checkText, findOrderOf, findPlace, idPage, placeConditions } from './orders.shared.js';

/** Working groups and their members (SUPPORT-V1 §1): of a region or a municipality; support.plan of that place. */

export interface WorkingGroupRow {
  id: string;
  name: string;
  region: object;
  municipality: object | null;
  order: object | null;
  members: {
    id: string;
    fullName: string;
    position: string | null;
    organisation: string | null;
    role: string;
  }[];
  createdAt: Date;
}

const GROUPS = sql`working_group w join region g on g.id = w.region_id
  left join municipality m on m.id = w.municipality_id left join support_order o on o.id = w.order_id`;

// members by role (chair first), then in the order they were added
const GROUP_COLUMNS = sql`w.id::text as id, w.name, ${regionJson('g')} as region, ${municipalityJson('m')} as municipality,
  ${orderJson('o')} as "order",
  coalesce((select json_agg(json_build_object('id', wm.id::text, 'fullName', wm.full_name, 'position', wm.position,
      'organisation', wm.organisation, 'role', wm.role)
    order by array_position(array['CHAIR', 'DEPUTY_CHAIR', 'SECRETARY', 'MEMBER'], wm.role), wm.id)
    from working_group_member wm where wm.working_group_id = w.id), '[]'::json) as members,
  w.created_at as "createdAt"`;

const PLACE = { regionId: sql`w.region_id`, municipalityId: sql`w.municipality_id` };

export function workingGroups(
  ctx: Context,
  args: { filter?: PlaceFilter | null; first?: number | null; after?: string | null },
) {
  authorize(ctx.viewer, 'support.read');
  return idPage<WorkingGroupRow>(ctx, args, {
    columns: GROUP_COLUMNS,
    from: GROUPS,
    id: sql`w.id`,
    conditions: [
      scopeCondition(ctx.viewer, PLACE, 'rows'),
      ...placeConditions(args.filter, PLACE, 'working groups'),
    ],
  });
}

async function groupById(ctx: Context, id: string): Promise<WorkingGroupRow> {
  const [row] = await ctx.db.query<WorkingGroupRow>(
    sql`select ${GROUP_COLUMNS} from ${GROUPS} where w.id = ${id}::bigint`,
  );
  if (!row) throw new Error(`working_group ${id} vanished`);
  return row;
}

/** The place of a stored group, to authorize a change of it; an unknown id is the caller's mistake. */
async function groupPlace(ctx: Context, argument: string, id: string) {
  const [row] = await ctx.db.query<{ id: string; regionId: number; municipalityId: number | null }>(
    sql`select id::text as id, region_id as "regionId", municipality_id as "municipalityId"
      from working_group where id = ${toId(argument, id)}`,
  );
  if (!row) throw badUserInput(argument, `${argument}: no working group «${id}»`);
  return row;
}

export async function createWorkingGroup(
  ctx: Context,
  input: CreateWorkingGroupInput,
): Promise<WorkingGroupRow> {
  const { region, municipality } = await findPlace(ctx, 'input.', input);
  const place = { regionId: region.id, municipalityId: municipality?.id ?? null };
  authorize(ctx.viewer, 'support.plan', { place });
  const name = checkText('input.name', input.name);
  const orderId = await findOrderOf(ctx, 'input.orderId', input.orderId, place);
  const group = await audited(ctx, {
    action: 'createWorkingGroup',
    change: (em) =>
      em.create(WorkingGroup, {
        name,
        region: em.getReference(Region, region.id),
        municipality: municipality ? em.getReference(Municipality, municipality.id) : null,
        order: orderId ? em.getReference(SupportOrder, orderId) : null,
      }),
    target: (g) => `working_group:${g.id}`,
    details: () => ({ name, regionCode: region.code, municipalityId: place.municipalityId, orderId }),
  });
  return groupById(ctx, group.id);
}

const ONE_OF = { CHAIR: 'chair', SECRETARY: 'secretary' } as const;

/**
 * addWorkingGroupMember: a person joins the group. The group keeps one CHAIR and at most one
 * SECRETARY (partial unique indexes): a second is BAD_USER_INPUT on `member.role`, naming who holds it.
 */
export async function addWorkingGroupMember(
  ctx: Context,
  groupId: string,
  member: WorkingGroupMemberInput,
): Promise<WorkingGroupRow> {
  const group = await groupPlace(ctx, 'groupId', groupId);
  authorize(ctx.viewer, 'support.plan', { place: group });
  const fullName = checkText('member.fullName', member.fullName);
  const role = member.role;
  const taken = async () => {
    const [holder] = await ctx.db.query<{ fullName: string }>(
      sql`select full_name as "fullName" from working_group_member where working_group_id = ${group.id}::bigint and role = ${role}`,
    );
    const one = ONE_OF[role as keyof typeof ONE_OF] ?? role;
    return badUserInput(
      'member.role',
      `member.role: working group ${group.id} already has its ${one}${holder ? ` (${holder.fullName})` : ''}; a group has one ${role}`,
    );
  };
  await audited(ctx, {
    action: 'addWorkingGroupMember',
    change: (em) =>
      em.create(WorkingGroupMember, {
        workingGroup: em.getReference(WorkingGroup, group.id),
        fullName,
        position: member.position?.trim() || null,
        organisation: member.organisation?.trim() || null,
        role,
      }),
    target: (m) => `working_group_member:${m.id}`,
    details: () => ({ groupId: group.id, fullName, role }),
    constraints: { working_group_member_one_chair: taken, working_group_member_one_secretary: taken },
  });
  return groupById(ctx, group.id);
}

/** removeWorkingGroupMember: the person leaves the group (members are not records: the row is deleted, the audit keeps who it was). */
export async function removeWorkingGroupMember(ctx: Context, memberId: string): Promise<WorkingGroupRow> {
  const [member] = await ctx.db.query<{ groupId: string; fullName: string; role: WorkingGroupRole }>(
    sql`select working_group_id::text as "groupId", full_name as "fullName", role from working_group_member
      where id = ${toId('memberId', memberId)}`,
  );
  if (!member) throw badUserInput('memberId', `memberId: no working group member «${memberId}»`);
  const group = await groupPlace(ctx, 'memberId', member.groupId);
  authorize(ctx.viewer, 'support.plan', { place: group });
  await audited(ctx, {
    action: 'removeWorkingGroupMember',
    change: async (em) => {
      const row = await em.findOneOrFail(WorkingGroupMember, { id: memberId });
      em.remove(row);
      return row;
    },
    target: () => `working_group_member:${memberId}`,
    details: () => ({ groupId: group.id, fullName: member.fullName, role: member.role }),
  });
  return groupById(ctx, group.id);
}
