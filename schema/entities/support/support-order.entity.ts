import { BigIntType, Check, Entity, ManyToOne, type Opt, PrimaryKey, Property } from '@mikro-orm/core';
import { Municipality } from '../municipality.entity.js';
import { Region } from '../region.entity.js';

/**
 * An order (приказ) as issued: its number as written (`01-10/142-2`), date, issuer and the place
 * of the issuer — a region (municipality null) or a municipality of it (the trigger
 * support_place_check refuses a municipality of another region). Its basis is another stored order
 * or, when that one is not stored, its number, date and issuer as written — not both.
 * Scope: region_id, municipality_id.
 */
@Entity({ tableName: 'support_order' })
@Check({
  name: 'support_order_basis_check',
  expression:
    'basis_order_id is null or (basis_number is null and basis_date is null and basis_issuer is null)',
})
export class SupportOrder {
  // bigserial, as text in JS (the API's ids are strings; no precision lost)
  @PrimaryKey({ type: new BigIntType('string'), autoincrement: true })
  id!: string & Opt;

  @Property({ type: 'text' })
  number!: string;

  @Property({ type: 'date' })
  date!: string;

  /** «Отдел образования администрации Пономаревского района». */
  @Property({ type: 'text' })
  issuer!: string;

  @ManyToOne(() => Region, {
    foreignKeyName: 'support_order_region_id_fkey',
    updateRule: 'no action',
    deleteRule: 'cascade',
    index: true,
  })
  region!: Region;

  /** null: an order of the region. */
  @ManyToOne(() => Municipality, {
    nullable: true,
    foreignKeyName: 'support_order_municipality_id_fkey',
    updateRule: 'no action',
    deleteRule: 'cascade',
    index: true,
  })
  municipality?: Municipality | null;

  @Property({ type: 'text' })
  title!: string;

  @ManyToOne(() => SupportOrder, {
    fieldName: 'basis_order_id',
    nullable: true,
    foreignKeyName: 'support_order_basis_order_id_fkey',
    updateRule: 'no action',
    deleteRule: 'no action',
    index: true,
  })
  basisOrder?: SupportOrder | null;

  /** The basis order when it is not stored: its number, date and issuer as written. */
  @Property({ type: 'text', nullable: true })
  basisNumber?: string | null;

  @Property({ type: 'date', nullable: true })
  basisDate?: string | null;

  @Property({ type: 'text', nullable: true })
  basisIssuer?: string | null;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt!: Date & Opt;
}
