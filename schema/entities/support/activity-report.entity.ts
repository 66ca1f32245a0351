import { BigIntType, Check, Entity, Enum, ManyToOne, type Opt, PrimaryKey, Property } from '@mikro-orm/core';
import { ActivityReportStatus } from '../../enums.js';
import { School } from '../school.entity.js';
import { Activity } from './activity.entity.js';
import { EVIDENCE_URL_CHECK } from './evidence-url.js';

/**
 * A school's report on a roadmap activity, with an http(s) evidence link or none. Append-only:
 * the trigger activity_report_append_only refuses UPDATE and DELETE; the latest report of a school
 * and activity is the one of the latest date, then the highest `seq` (the insertion counter).
 * Reports never change an activity's status. Scope: school_id (SCHOOL_SCOPE).
 */
@Entity({ tableName: 'activity_report' })
@Check({ name: 'activity_report_evidence_url_check', expression: EVIDENCE_URL_CHECK })
export class ActivityReport {
  // bigserial: the insertion counter
  @PrimaryKey({ type: new BigIntType('number'), autoincrement: true })
  seq!: number & Opt;

  @ManyToOne(() => Activity, {
    foreignKeyName: 'activity_report_activity_id_fkey',
    updateRule: 'no action',
    deleteRule: 'cascade',
    index: true,
  })
  activity!: Activity;

  @ManyToOne(() => School, {
    foreignKeyName: 'activity_report_school_id_fkey',
    updateRule: 'no action',
    deleteRule: 'cascade',
    index: true,
  })
  school!: School;

  @Property({ type: 'date' })
  date!: string;

  @Enum({ items: () => ActivityReportStatus, type: 'text' })
  status!: ActivityReportStatus;

  @Property({ type: 'text', nullable: true })
  note?: string | null;

  @Property({ type: 'text', nullable: true })
  evidenceUrl?: string | null;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt!: Date & Opt;
}
