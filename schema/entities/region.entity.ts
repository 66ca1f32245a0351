import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/** A субъект РФ. `code` is its two-digit code (56 = Оренбургская область). */
@Entity({ tableName: 'region' })
export class Region {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @Property({ type: 'text', unique: true })
  code!: string;

  @Property({ type: 'text', unique: true })
  name!: string;

  /** IANA time zone: exports show the region's clock (Migration20261123080000RegionTimeZone). */
  @Property({ type: 'text', default: 'Europe/Moscow' })
  timeZone!: string;
}
