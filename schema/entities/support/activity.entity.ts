import {
  ArrayType,
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
import { DeadlineKind } from '../../enums.js';
import { Roadmap } from './roadmap.entity.js';

/**
 * An activity (мероприятие) of a roadmap, in its order (`ordinal`, 1, 2, …), with its number as
 * written (`1.`, `23`: repeated numbers are an import warning, not an error) and its deadline as
 * written and as read (SUPPORT-V1 §2): NO_DUE and UNPARSED have neither start nor due, every other
 * kind both. `executors` are the pieces of `executorsText` (§3 step 5). Status records:
 * activity_status_record. Scope: through its roadmap.
 */
@Entity({ tableName: 'activity' })
@Unique({ name: 'activity_roadmap_id_ordinal_unique', properties: ['roadmap', 'ordinal'] })
@Check({ name: 'activity_ordinal_check', expression: 'ordinal >= 1' })
@Check({
  name: 'activity_dates_check',
  expression: `(start is null) = (due is null) and (deadline_kind = any (array['NO_DUE', 'UNPARSED'])) = (due is null)`,
})
export class Activity {
  // bigserial, as text in JS (the API's ids are strings; no precision lost)
  @PrimaryKey({ type: new BigIntType('string'), autoincrement: true })
  id!: string & Opt;

  @ManyToOne(() => Roadmap, {
    foreignKeyName: 'activity_roadmap_id_fkey',
    updateRule: 'no action',
    deleteRule: 'cascade',
  })
  roadmap!: Roadmap;

  @Property({ type: 'integer' })
  ordinal!: number;

  @Property({ type: 'text' })
  number!: string;

  @Property({ type: 'text' })
  title!: string;

  @Property({ type: 'text', default: '' })
  deadlineText: string & Opt = '';

  @Enum({ items: () => DeadlineKind, type: 'text' })
  deadlineKind!: DeadlineKind;

  @Property({ type: 'date', nullable: true })
  start?: string | null;

  @Property({ type: 'date', nullable: true })
  due?: string | null;

  @Property({ type: 'text', default: '' })
  executorsText: string & Opt = '';

  @Property({ type: ArrayType, columnType: 'text[]', defaultRaw: `'{}'` })
  executors: string[] & Opt = [];

  @Property({ type: 'text', nullable: true })
  expectedResult?: string | null;

  @Property({ type: 'boolean', default: false })
  requiresSchoolReport: boolean & Opt = false;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt!: Date & Opt;
}
