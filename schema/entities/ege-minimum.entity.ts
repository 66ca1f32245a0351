import { Check, Entity, Enum, PrimaryKey, Property } from '@mikro-orm/core';
import { EgeThresholdScale, Subject } from '../enums.js';

/** The ЕГЭ minimum of a subject in a year, as data (RU 24, MAP 27 test points; MAB mark 3). */
@Entity({ tableName: 'ege_minimum' })
@Check({ name: 'ege_minimum_threshold_check', expression: 'threshold >= 0' })
export class EgeMinimum {
  @Enum({ items: () => Subject, nativeEnumName: 'subject', primary: true })
  subject!: Subject;

  @PrimaryKey({ type: 'smallint' })
  year!: number;

  @Enum({ items: () => EgeThresholdScale, nativeEnumName: 'ege_threshold_scale' })
  scale!: EgeThresholdScale;

  @Property({ type: 'smallint' })
  threshold!: number;
}
