import { Check, Entity, Enum, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { Subject } from '../enums.js';
import { School } from './school.entity.js';

/** ОГЭ (grade 9) mark counts of one school × year × subject. */
@Entity({ tableName: 'oge_result' })
@Check({ name: 'oge_result_marks_sum_check', expression: 'n2 + n3 + n4 + n5 = participants' })
@Check({ name: 'oge_result_participants_check', expression: 'participants >= 1' })
@Check({ name: 'oge_result_marks_check', expression: 'n2 >= 0 and n3 >= 0 and n4 >= 0 and n5 >= 0' })
@Check({
  name: 'oge_result_mean_check',
  expression: 'mean_primary is null or mean_primary >= 0::double precision',
})
export class OgeResult {
  @ManyToOne(() => School, { primary: true, deleteRule: 'cascade' })
  school!: School;

  @PrimaryKey({ type: 'smallint' })
  year!: number;

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

  @Property({ type: 'double', nullable: true })
  meanPrimary?: number | null;
}
