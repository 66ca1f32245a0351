import { BigIntType, Entity, ManyToOne, type Opt, PrimaryKey, Property } from '@mikro-orm/core';
import { Municipality } from '../municipality.entity.js';
import { Region } from '../region.entity.js';
import { SupportOrder } from './support-order.entity.js';

/**
 * A working group (рабочая группа) of a region or a municipality (municipality null: the region's),
 * formed by an order; members: working_group_member. Scope: region_id, municipality_id.
 */
@Entity({ tableName: 'working_group' })
export class WorkingGroup {
  // bigserial, as text in JS (the API's ids are strings; no precision lost)
  @PrimaryKey({ type: new BigIntType('string'), autoincrement: true })
  id!: string & Opt;

  @Property({ type: 'text' })
  name!: string;

  @ManyToOne(() => Region, {
    foreignKeyName: 'working_group_region_id_fkey',
    updateRule: 'no action',
    deleteRule: 'cascade',
    index: true,
  })
  region!: Region;

  @ManyToOne(() => Municipality, {
    nullable: true,
    foreignKeyName: 'working_group_municipality_id_fkey',
    updateRule: 'no action',
    deleteRule: 'cascade',
    index: true,
  })
  municipality?: Municipality | null;

  @ManyToOne(() => SupportOrder, {
    fieldName: 'order_id',
    nullable: true,
    foreignKeyName: 'working_group_order_id_fkey',
    updateRule: 'no action',
    deleteRule: 'no action',
    index: true,
  })
  order?: SupportOrder | null;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt!: Date & Opt;
}
