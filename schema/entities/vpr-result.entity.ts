import { ArrayType, Check, Entity, Enum, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { Subject } from '../enums.js';
import { School } from './school.entity.js';

/** ВПР mark counts of one school × year × grade × subject. Counts, never percentages, so ratios pool. */
@Entity({ tableName: 'vpr_result' })
@Check({ name: 'vpr_result_marks_sum_check', expression: 'n2 + n3 + n4 + n5 = participants' })
@Check({ name: 'vpr_result_participants_check', expression: 'participants >= 1' })
@Check({ name: 'vpr_result_marks_check', expression: 'n2 >= 0 and n3 >= 0 and n4 >= 0 and n5 >= 0' })
@Check({ name: 'vpr_result_grade_check', expression: 'grade = any (array[4, 5, 6, 7, 8, 10, 11])' })
@Check({
  name: 'vpr_result_journal_check',
  expression:
    '(lowered is null and confirmed is null and raised is null) or ' +
    '(lowered >= 0 and confirmed >= 0 and raised >= 0 and lowered + confirmed + raised <= participants)',
})
@Check({
  name: 'vpr_result_scores_check',
  expression: 'scores is null or (max_score is not null and cardinality(scores) = max_score + 1)',
})
export class VprResult {
  @ManyToOne(() => School, { primary: true, deleteRule: 'cascade' })
  school!: School;

  @PrimaryKey({ type: 'smallint' })
  year!: number;

  @PrimaryKey({ type: 'smallint' })
  grade!: number;

  @Enum({ items: () => Subject, nativeEnumName: 'subject', primary: true })
  subject!: Subject;

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

  /** Journal comparison («Понизили / Подтвердили / Повысили»): all three or none. */
  @Property({ type: 'integer', nullable: true })
  lowered?: number | null;

  @Property({ type: 'integer', nullable: true })
  confirmed?: number | null;

  @Property({ type: 'integer', nullable: true })
  raised?: number | null;

  /** Primary-score distribution: participants per score 0..maxScore. */
  @Property({ type: ArrayType, columnType: 'integer[]', nullable: true })
  scores?: number[] | null;

  @Property({ type: 'smallint', nullable: true })
  maxScore?: number | null;
}
