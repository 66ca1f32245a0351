import { Entity, ManyToOne, PrimaryKeyProp } from '@mikro-orm/core';
import { School } from '../school.entity.js';
import { SupportEvent } from './support-event.entity.js';

/** A school an event reached (many to many). Scope: through its event (or the school). */
@Entity({ tableName: 'support_event_school' })
export class SupportEventSchool {
  [PrimaryKeyProp]?: ['event', 'school'];

  @ManyToOne(() => SupportEvent, {
    primary: true,
    fieldName: 'event_id',
    foreignKeyName: 'support_event_school_event_id_fkey',
    updateRule: 'no action',
    deleteRule: 'cascade',
  })
  event!: SupportEvent;

  @ManyToOne(() => School, {
    primary: true,
    foreignKeyName: 'support_event_school_school_id_fkey',
    updateRule: 'no action',
    deleteRule: 'cascade',
    index: true,
  })
  school!: School;
}
