import { Check, Entity, Enum, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { Subject } from '../enums.js';
import { School } from './school.entity.js';

/** ЕГЭ (grade 11) results of one school × year × subject, with the imported below-minimum count. */
@Entity({ tableName: 'ege_result' })
@Check({ name: 'ege_result_participants_check', expression: 'participants >= 1' })
@Check({ name: 'ege_result_below_min_check', expression: 'below_min >= 0 and below_min <= participants' })
@Check({
  name: 'ege_result_mean_check',
  expression:
    'mean_score is null or (mean_score >= 0::double precision and mean_score <= 100::double precision)',
})
export class EgeResult {
  @ManyToOne(() => School, { primary: true, deleteRule: 'cascade' })
  school!: School;

  @PrimaryKey({ type: 'smallint' })
  year!: number;

  @Enum({ items: () => Subject, nativeEnumName: 'subject', primary: true })
  subject!: Subject;

  @Property({ type: 'integer' })
  participants!: number;

  @Property({ type: 'integer' })
  belowMin!: number;

  @Property({ type: 'double', nullable: true })
  meanScore?: number | null;
}
