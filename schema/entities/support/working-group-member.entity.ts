import { BigIntType, Entity, Enum, ManyToOne, type Opt, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { WorkingGroupRole } from '../../enums.js';
import { WorkingGroup } from './working-group.entity.js';

/**
 * A member of a working group: a person (full name, position, organisation as written) and a
 * role. At most one CHAIR and at most one SECRETARY per group (partial unique indexes); that a
 * group has its one CHAIR is the write path's rule. Scope: through its group.
 */
@Entity({ tableName: 'working_group_member' })
@Unique({
  name: 'working_group_member_one_chair',
  expression: `create unique index "working_group_member_one_chair" on "working_group_member" ("working_group_id") where "role" = 'CHAIR'`,
})
@Unique({
  name: 'working_group_member_one_secretary',
  expression: `create unique index "working_group_member_one_secretary" on "working_group_member" ("working_group_id") where "role" = 'SECRETARY'`,
})
export class WorkingGroupMember {
  // bigserial, as text in JS (the API's ids are strings; no precision lost)
  @PrimaryKey({ type: new BigIntType('string'), autoincrement: true })
  id!: string & Opt;

  @ManyToOne(() => WorkingGroup, {
    foreignKeyName: 'working_group_member_working_group_id_fkey',
    updateRule: 'no action',
    deleteRule: 'cascade',
    index: true,
  })
  workingGroup!: WorkingGroup;

  @Property({ type: 'text' })
  fullName!: string;

  @Property({ type: 'text', nullable: true })
  position?: string | null;

  @Property({ type: 'text', nullable: true })
  organisation?: string | null;

  @Enum({ items: () => WorkingGroupRole, type: 'text', default: WorkingGroupRole.MEMBER })
  role: WorkingGroupRole & Opt = WorkingGroupRole.MEMBER;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt!: Date & Opt;
}
