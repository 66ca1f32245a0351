import { BigIntType, Check, Entity, Index, ManyToOne, type Opt, PrimaryKey, Property } from '@mikro-orm/core';
import { Municipality } from '../municipality.entity.js';
import { Mmc } from './mmc.entity.js';

/**
 * A municipality attached to a ММЦ from `validFrom` to `validTo` (null: open), both included. At
 * most one ММЦ per municipality on a date: the exclusion constraint mmc_attachment_one_mmc
 * (btree_gist) refuses overlapping periods of one municipality. PostgreSQL keeps a constraint's
 * index under the constraint's name, and that index is what `npm run schema:check` compares, so
 * the entity declares the index — the migration makes it the constraint:
 * `exclude using gist (municipality_id with =, daterange(valid_from, valid_to, '[]') with &&)`.
 * Scope: through its ММЦ (region).
 */
@Entity({ tableName: 'mmc_attachment' })
@Check({ name: 'mmc_attachment_period_check', expression: 'valid_to is null or valid_to >= valid_from' })
@Index({
  name: 'mmc_attachment_one_mmc',
  expression: `create index "mmc_attachment_one_mmc" on "mmc_attachment" using gist ("municipality_id", daterange("valid_from", "valid_to", '[]'))`,
})
export class MmcAttachment {
  // bigserial, as text in JS (the API's ids are strings; no precision lost)
  @PrimaryKey({ type: new BigIntType('string'), autoincrement: true })
  id!: string & Opt;

  @ManyToOne(() => Mmc, {
    foreignKeyName: 'mmc_attachment_mmc_id_fkey',
    updateRule: 'no action',
    deleteRule: 'cascade',
    index: true,
  })
  mmc!: Mmc;

  @ManyToOne(() => Municipality, {
    foreignKeyName: 'mmc_attachment_municipality_id_fkey',
    updateRule: 'no action',
    deleteRule: 'cascade',
    index: true,
  })
  municipality!: Municipality;

  @Property({ type: 'date' })
  validFrom!: string;

  @Property({ type: 'date', nullable: true })
  validTo?: string | null;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt!: Date & Opt;
}
