import { BigIntType, Check, Entity, ManyToOne, type Opt, PrimaryKey, Property } from '@mikro-orm/core';
import { School } from '../school.entity.js';
import { SupportOrder } from './support-order.entity.js';

/**
 * A network partnership (сетевое партнёрство): a listed school and its partner school — never the
 * same — from `validFrom` to `validTo` (null: open), on the basis of an order. Scope: the listed
 * school (listed_school_id, joined as in SCHOOL_SCOPE: its municipality's analyst).
 */
@Entity({ tableName: 'partnership' })
@Check({ name: 'partnership_schools_check', expression: 'listed_school_id <> partner_school_id' })
@Check({ name: 'partnership_period_check', expression: 'valid_to is null or valid_to >= valid_from' })
export class Partnership {
  // bigserial, as text in JS (the API's ids are strings; no precision lost)
  @PrimaryKey({ type: new BigIntType('string'), autoincrement: true })
  id!: string & Opt;

  @ManyToOne(() => School, {
    fieldName: 'listed_school_id',
    foreignKeyName: 'partnership_listed_school_id_fkey',
    updateRule: 'no action',
    deleteRule: 'cascade',
    index: true,
  })
  listedSchool!: School;

  @ManyToOne(() => School, {
    fieldName: 'partner_school_id',
    foreignKeyName: 'partnership_partner_school_id_fkey',
    updateRule: 'no action',
    deleteRule: 'cascade',
    index: true,
  })
  partnerSchool!: School;

  @ManyToOne(() => SupportOrder, {
    fieldName: 'basis_order_id',
    nullable: true,
    foreignKeyName: 'partnership_basis_order_id_fkey',
    updateRule: 'no action',
    deleteRule: 'no action',
    index: true,
  })
  basisOrder?: SupportOrder | null;

  @Property({ type: 'date' })
  validFrom!: string;

  @Property({ type: 'date', nullable: true })
  validTo?: string | null;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt!: Date & Opt;
}
