import { Check, Entity, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { STORED_INDICATOR_CODES } from '../indicator-codes.js';
import { School } from './school.entity.js';

/** A survey or context indicator of a school in a year (codes: schema/indicator-codes.ts). */
@Entity({ tableName: 'indicator_value' })
@Check({
  name: 'indicator_value_code_check',
  expression: `code in (${STORED_INDICATOR_CODES.map((c) => `'${c}'`).join(', ')})`,
})
export class IndicatorValue {
  @ManyToOne(() => School, { primary: true, deleteRule: 'cascade' })
  school!: School;

  @PrimaryKey({ type: 'smallint' })
  year!: number;

  @PrimaryKey({ type: 'text' })
  code!: string;

  @Property({ type: 'double' })
  value!: number;
}
