import { BigIntType, Check, Entity, Enum, ManyToOne, type Opt, PrimaryKey, Property } from '@mikro-orm/core';
import { RoadmapLevel } from '../../enums.js';
import { Municipality } from '../municipality.entity.js';
import { Region } from '../region.entity.js';
import { School } from '../school.entity.js';
import { SupportOrder } from './support-order.entity.js';

/**
 * A roadmap (дорожная карта, план мероприятий) of a region, a municipality or a school for a list
 * year, over a period (both ends included), approved by an order. The owner is stored as its
 * whole place — region, municipality (MUNICIPALITY, SCHOOL) and school (SCHOOL) — so that the
 * scope fragment reads it from the row (db/scope.ts); the trigger support_place_check keeps the
 * three consistent. `sourceText` is the pasted table it was imported from (SUPPORT-V1 §3).
 * Scope: region_id, municipality_id, school_id; its activities reach it through roadmap_id.
 */
@Entity({ tableName: 'roadmap' })
@Check({ name: 'roadmap_period_check', expression: 'period_start <= period_end' })
@Check({
  name: 'roadmap_owner_check',
  expression:
    `(level = 'REGION' and municipality_id is null and school_id is null) or ` +
    `(level = 'MUNICIPALITY' and municipality_id is not null and school_id is null) or ` +
    `(level = 'SCHOOL' and municipality_id is not null and school_id is not null)`,
})
export class Roadmap {
  // bigserial, as text in JS (the API's ids are strings; no precision lost)
  @PrimaryKey({ type: new BigIntType('string'), autoincrement: true })
  id!: string & Opt;

  @Enum({ items: () => RoadmapLevel, type: 'text' })
  level!: RoadmapLevel;

  @ManyToOne(() => Region, {
    foreignKeyName: 'roadmap_region_id_fkey',
    updateRule: 'no action',
    deleteRule: 'cascade',
    index: true,
  })
  region!: Region;

  @ManyToOne(() => Municipality, {
    nullable: true,
    foreignKeyName: 'roadmap_municipality_id_fkey',
    updateRule: 'no action',
    deleteRule: 'cascade',
    index: true,
  })
  municipality?: Municipality | null;

  @ManyToOne(() => School, {
    nullable: true,
    foreignKeyName: 'roadmap_school_id_fkey',
    updateRule: 'no action',
    deleteRule: 'cascade',
    index: true,
  })
  school?: School | null;

  /** The year of the ШНОР list the roadmap works on. */
  @Property({ type: 'smallint' })
  listYear!: number;

  @Property({ type: 'date' })
  periodStart!: string;

  @Property({ type: 'date' })
  periodEnd!: string;

  @ManyToOne(() => SupportOrder, {
    fieldName: 'approving_order_id',
    nullable: true,
    foreignKeyName: 'roadmap_approving_order_id_fkey',
    updateRule: 'no action',
    deleteRule: 'no action',
    index: true,
  })
  approvingOrder?: SupportOrder | null;

  @Property({ type: 'text', nullable: true })
  sourceText?: string | null;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt!: Date & Opt;
}
