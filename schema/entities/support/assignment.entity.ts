import { BigIntType, Check, Entity, Enum, ManyToOne, type Opt, PrimaryKey, Property } from '@mikro-orm/core';
import { AssignmentKind } from '../../enums.js';
import { Municipality } from '../municipality.entity.js';
import { Region } from '../region.entity.js';
import { School } from '../school.entity.js';
import { SupportOrder } from './support-order.entity.js';

/**
 * A person assigned by an order: the COORDINATOR of a municipality (school null) or the CURATOR of
 * a school (of that municipality), from `validFrom` to `validTo` (null: open), both included.
 * `personKey` is the person's identity: the claim a CURATOR token names, so that the viewer reads
 * the schools it is assigned on the request date. Scope: region_id, municipality_id (school_id).
 */
@Entity({ tableName: 'assignment' })
@Check({
  name: 'assignment_target_check',
  expression: `(kind = 'COORDINATOR' and school_id is null) or (kind = 'CURATOR' and school_id is not null)`,
})
@Check({ name: 'assignment_period_check', expression: 'valid_to is null or valid_to >= valid_from' })
export class Assignment {
  // bigserial, as text in JS (the API's ids are strings; no precision lost)
  @PrimaryKey({ type: new BigIntType('string'), autoincrement: true })
  id!: string & Opt;

  @Enum({ items: () => AssignmentKind, type: 'text' })
  kind!: AssignmentKind;

  @Property({ type: 'text' })
  personFullName!: string;

  @Property({ type: 'text', index: true })
  personKey!: string;

  @ManyToOne(() => Region, {
    foreignKeyName: 'assignment_region_id_fkey',
    updateRule: 'no action',
    deleteRule: 'cascade',
    index: true,
  })
  region!: Region;

  @ManyToOne(() => Municipality, {
    foreignKeyName: 'assignment_municipality_id_fkey',
    updateRule: 'no action',
    deleteRule: 'cascade',
    index: true,
  })
  municipality!: Municipality;

  @ManyToOne(() => School, {
    nullable: true,
    foreignKeyName: 'assignment_school_id_fkey',
    updateRule: 'no action',
    deleteRule: 'cascade',
    index: true,
  })
  school?: School | null;

  @Property({ type: 'date' })
  validFrom!: string;

  @Property({ type: 'date', nullable: true })
  validTo?: string | null;

  @ManyToOne(() => SupportOrder, {
    fieldName: 'order_id',
    nullable: true,
    foreignKeyName: 'assignment_order_id_fkey',
    updateRule: 'no action',
    deleteRule: 'no action',
    index: true,
  })
  order?: SupportOrder | null;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt!: Date & Opt;
}
