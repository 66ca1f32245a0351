import { BigIntType, Entity, ManyToOne, type Opt, PrimaryKey, Property } from '@mikro-orm/core';
import { Municipality } from '../municipality.entity.js';
import { Region } from '../region.entity.js';

/**
 * An inter-municipal methodological centre (ММЦ) of a region, hosted by one of its municipalities
 * (support_place_check); the municipalities it serves: mmc_attachment. Scope: region_id.
 */
@Entity({ tableName: 'mmc' })
export class Mmc {
  // bigserial, as text in JS (the API's ids are strings; no precision lost)
  @PrimaryKey({ type: new BigIntType('string'), autoincrement: true })
  id!: string & Opt;

  @Property({ type: 'text' })
  name!: string;

  @ManyToOne(() => Region, {
    foreignKeyName: 'mmc_region_id_fkey',
    updateRule: 'no action',
    deleteRule: 'cascade',
    index: true,
  })
  region!: Region;

  @ManyToOne(() => Municipality, {
    fieldName: 'host_municipality_id',
    foreignKeyName: 'mmc_host_municipality_id_fkey',
    updateRule: 'no action',
    deleteRule: 'cascade',
    index: true,
  })
  hostMunicipality!: Municipality;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt!: Date & Opt;
}
