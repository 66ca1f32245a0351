import { BigIntType, Entity, Enum, ManyToOne, type Opt, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Region } from './region.entity.js';

export const LIST_STATUSES = ['DRAFT', 'APPROVED', 'PUBLISHED'] as const;
export type ListStatusValue = (typeof LIST_STATUSES)[number];

/**
 * The annual ШНОР list of a region: the methodology and data version it was made with, and the
 * stamps of its approval and publication (api/services/lists/). Drafts may be many; the approved
 * or published list of a year and region is one.
 */
@Entity({ tableName: 'shnor_list' })
@Unique({
  name: 'shnor_list_one_approved',
  expression: `create unique index "shnor_list_one_approved" on "shnor_list" ("year", "region_id") where "status" <> 'DRAFT'`,
})
export class ShnorList {
  // bigserial, as text in JS (the API's ids are strings; no precision lost)
  @PrimaryKey({ type: new BigIntType('string'), autoincrement: true })
  id!: string & Opt;

  @Property({ type: 'smallint' })
  year!: number;

  @ManyToOne(() => Region, {
    foreignKeyName: 'shnor_list_region_id_fkey',
    updateRule: 'no action',
    deleteRule: 'cascade',
  })
  region!: Region;

  @Enum({ items: () => [...LIST_STATUSES], type: 'text', default: 'DRAFT' })
  status: ListStatusValue & Opt = 'DRAFT';

  @Property({ type: 'text' })
  methodologyName!: string;

  @Property({ type: 'text' })
  methodologyHash!: string;

  @Property({ type: 'json' })
  methodologyParams!: object;

  @Property({ type: new BigIntType('number') })
  dataVersion!: number;

  @ManyToOne(() => ShnorList, {
    fieldName: 'previous_list_id',
    nullable: true,
    foreignKeyName: 'shnor_list_previous_list_id_fkey',
    updateRule: 'no action',
    deleteRule: 'no action',
  })
  previousList?: ShnorList | null;

  @Property({ type: 'text' })
  createdBy!: string;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt!: Date & Opt;

  @Property({ type: 'text', nullable: true })
  approvedBy?: string | null;

  @Property({ type: 'datetime', nullable: true })
  approvedAt?: Date | null;

  @Property({ type: 'text', nullable: true })
  publishedBy?: string | null;

  @Property({ type: 'datetime', nullable: true })
  publishedAt?: Date | null;
}
