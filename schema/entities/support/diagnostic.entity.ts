import {
  BigIntType,
  Check,
  Entity,
  Enum,
  ManyToOne,
  type Opt,
  PrimaryKey,
  Property,
  Unique,
} from '@mikro-orm/core';
import { DiagnosticStage, DiagnosticSubject } from '../../enums.js';
import { School } from '../school.entity.js';

/**
 * A school's own diagnostic (входной / промежуточный / итоговый мониторинг) of one grade 1–11 in
 * RU or MA on a date: mark counts n2..n5 summing to the N ≥ 1 who wrote it, as vpr_result keeps
 * counts. One row per (school, grade, subject, stage, date). Scope: school_id (SCHOOL_SCOPE).
 */
@Entity({ tableName: 'diagnostic' })
@Unique({
  name: 'diagnostic_school_id_grade_subject_stage_date_unique',
  properties: ['school', 'grade', 'subject', 'stage', 'date'],
})
@Check({ name: 'diagnostic_grade_check', expression: 'grade >= 1 and grade <= 11' })
@Check({ name: 'diagnostic_participants_check', expression: 'participants >= 1' })
@Check({ name: 'diagnostic_marks_check', expression: 'n2 >= 0 and n3 >= 0 and n4 >= 0 and n5 >= 0' })
@Check({ name: 'diagnostic_marks_sum_check', expression: 'n2 + n3 + n4 + n5 = participants' })
export class Diagnostic {
  // bigserial, as text in JS (the API's ids are strings; no precision lost)
  @PrimaryKey({ type: new BigIntType('string'), autoincrement: true })
  id!: string & Opt;

  @ManyToOne(() => School, {
    foreignKeyName: 'diagnostic_school_id_fkey',
    updateRule: 'no action',
    deleteRule: 'cascade',
  })
  school!: School;

  @Property({ type: 'smallint' })
  grade!: number;

  @Enum({ items: () => DiagnosticSubject, type: 'text' })
  subject!: DiagnosticSubject;

  @Enum({ items: () => DiagnosticStage, type: 'text' })
  stage!: DiagnosticStage;

  @Property({ type: 'date' })
  date!: string;

  /** N: the students who wrote it. */
  @Property({ type: 'integer' })
  participants!: number;

  @Property({ type: 'integer' })
  n2!: number;

  @Property({ type: 'integer' })
  n3!: number;

  @Property({ type: 'integer' })
  n4!: number;

  @Property({ type: 'integer' })
  n5!: number;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt!: Date & Opt;
}
