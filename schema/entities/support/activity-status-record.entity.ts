import {
  BigIntType,
  Check,
  Entity,
  Enum,
  Index,
  ManyToOne,
  type Opt,
  PrimaryKey,
  Property,
} from '@mikro-orm/core';
import { ActivityRecordStatus } from '../../enums.js';
import { EVIDENCE_URL_CHECK } from './evidence-url.js';
import { Activity } from './activity.entity.js';

/**
 * A status record of an activity (SUPPORT-V1 §2 **Status as of D**): append-only — the trigger
 * activity_status_record_append_only refuses UPDATE and DELETE. `seq`, the insertion counter,
 * orders the records of one date. Scope: through its activity's roadmap.
 */
@Entity({ tableName: 'activity_status_record' })
@Index({ name: 'activity_status_record_activity_id_date_seq_index', properties: ['activity', 'date', 'seq'] })
@Check({ name: 'activity_status_record_evidence_url_check', expression: EVIDENCE_URL_CHECK })
export class ActivityStatusRecord {
  // bigserial: the insertion counter
  @PrimaryKey({ type: new BigIntType('number'), autoincrement: true })
  seq!: number & Opt;

  @ManyToOne(() => Activity, {
    foreignKeyName: 'activity_status_record_activity_id_fkey',
    updateRule: 'no action',
    deleteRule: 'cascade',
  })
  activity!: Activity;

  @Property({ type: 'date' })
  date!: string;

  @Enum({ items: () => ActivityRecordStatus, type: 'text' })
  status!: ActivityRecordStatus;

  @Property({ type: 'text', nullable: true })
  note?: string | null;

  @Property({ type: 'text', nullable: true })
  evidenceUrl?: string | null;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt!: Date & Opt;
}
