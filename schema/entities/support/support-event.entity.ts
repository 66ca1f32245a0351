import { BigIntType, Check, Entity, Enum, ManyToOne, type Opt, PrimaryKey, Property } from '@mikro-orm/core';
import { EventKind, EventLevel } from '../../enums.js';
import { Municipality } from '../municipality.entity.js';
import { Region } from '../region.entity.js';
import { School } from '../school.entity.js';

/**
 * An event (семинар, вебинар, курсы, совещание, открытый урок) of some level, organised by a
 * region, a municipality or a school — stored as its whole place, kept consistent by
 * support_place_check — with its number of participants; the schools it reached:
 * support_event_school. Scope: region_id, municipality_id, school_id.
 */
@Entity({ tableName: 'support_event' })
@Check({ name: 'support_event_participants_check', expression: 'participants >= 0' })
@Check({
  name: 'support_event_organiser_check',
  expression: 'school_id is null or municipality_id is not null',
})
export class SupportEvent {
  // bigserial, as text in JS (the API's ids are strings; no precision lost)
  @PrimaryKey({ type: new BigIntType('string'), autoincrement: true })
  id!: string & Opt;

  @Enum({ items: () => EventKind, type: 'text' })
  kind!: EventKind;

  @Property({ type: 'date' })
  date!: string;

  @Enum({ items: () => EventLevel, type: 'text' })
  level!: EventLevel;

  @ManyToOne(() => Region, {
    foreignKeyName: 'support_event_region_id_fkey',
    updateRule: 'no action',
    deleteRule: 'cascade',
    index: true,
  })
  region!: Region;

  @ManyToOne(() => Municipality, {
    nullable: true,
    foreignKeyName: 'support_event_municipality_id_fkey',
    updateRule: 'no action',
    deleteRule: 'cascade',
    index: true,
  })
  municipality?: Municipality | null;

  @ManyToOne(() => School, {
    nullable: true,
    foreignKeyName: 'support_event_school_id_fkey',
    updateRule: 'no action',
    deleteRule: 'cascade',
    index: true,
  })
  school?: School | null;

  @Property({ type: 'text' })
  title!: string;

  @Property({ type: 'integer', default: 0 })
  participants: number & Opt = 0;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt!: Date & Opt;
}
