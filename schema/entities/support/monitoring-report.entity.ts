import { BigIntType, Entity, ManyToOne, type Opt, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Municipality } from '../municipality.entity.js';
import { Region } from '../region.entity.js';
import { SupportOrder } from './support-order.entity.js';

/**
 * What a municipality (or a region) writes into its end-of-year monitoring report (seed 003) beside
 * the figures the platform computes: the conclusions and recommendations as editable text, and the
 * order the report is approved by. One per place and list year; the figures are never stored — the
 * report computes them as of its date. Scope: region_id, municipality_id.
 */
@Entity({ tableName: 'monitoring_report' })
@Unique({ name: 'monitoring_report_place_year_unique', properties: ['listYear', 'region', 'municipality'] })
export class MonitoringReport {
  // bigserial, as text in JS (the API's ids are strings; no precision lost)
  @PrimaryKey({ type: new BigIntType('string'), autoincrement: true })
  id!: string & Opt;

  @Property({ type: 'smallint' })
  listYear!: number;

  @ManyToOne(() => Region, {
    foreignKeyName: 'monitoring_report_region_id_fkey',
    updateRule: 'no action',
    deleteRule: 'cascade',
  })
  region!: Region;

  /** null: the region's own report. */
  @ManyToOne(() => Municipality, {
    nullable: true,
    foreignKeyName: 'monitoring_report_municipality_id_fkey',
    updateRule: 'no action',
    deleteRule: 'cascade',
    index: true,
  })
  municipality?: Municipality | null;

  @ManyToOne(() => SupportOrder, {
    fieldName: 'order_id',
    nullable: true,
    foreignKeyName: 'monitoring_report_order_id_fkey',
    updateRule: 'no action',
    deleteRule: 'set null',
    index: true,
  })
  order?: SupportOrder | null;

  @Property({ type: 'text', default: '' })
  conclusions: string & Opt = '';

  @Property({ type: 'text', default: '' })
  recommendations: string & Opt = '';

  /** The viewer id of the last save. */
  @Property({ type: 'text' })
  updatedBy!: string;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  updatedAt!: Date & Opt;
}
