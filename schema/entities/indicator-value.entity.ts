import { Entity, Enum, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { STORED_INDICATOR_CODES } from '../indicator-codes.js';
import { School } from './school.entity.js';

/** A survey or context indicator of a school in a year (codes: schema/indicator-codes.ts). */
@Entity({ tableName: 'indicator_value' })
export class IndicatorValue {
  @ManyToOne(() => School, { primary: true, deleteRule: 'cascade' })
  school!: School;

  @PrimaryKey({ type: 'smallint' })
  year!: number;

  /** A text column checked against the stored codes (indicator_value_code_check), not a native enum. */
  @Enum({ items: () => [...STORED_INDICATOR_CODES], type: 'text', primary: true })
  code!: string;

  @Property({ type: 'double' })
  value!: number;
}
