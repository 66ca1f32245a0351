import { Entity, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Region } from './region.entity.js';

@Entity({ tableName: 'municipality' })
@Unique({ properties: ['region', 'name'] })
export class Municipality {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @ManyToOne(() => Region, { deleteRule: 'restrict', index: true })
  region!: Region;

  @Property({ type: 'text' })
  name!: string;
}
