import { BigIntType, Check, Entity, ManyToOne, type Opt, PrimaryKey, Property } from '@mikro-orm/core';
import { RISK_INDICATOR_CODES } from '../../indicator-codes.js';
import { SchoolDocument } from './school-document.entity.js';

/**
 * What a measure may aim at: a METHODOLOGY-V1 §4 indicator (SR_VPR_LOW included) or the share of
 * «2» of the school's own diagnostics in RU or MA.
 */
export const MEASURE_TARGET_INDICATORS: readonly string[] = [
  ...RISK_INDICATOR_CODES,
  'SR_VPR_LOW',
  'DIAG_SHARE2_RU',
  'DIAG_SHARE2_MA',
];

/**
 * A measure (мероприятие) of a school's programme: its deadline as written (§2, within the list's
 * school year), who is responsible, and the indicator it aims at with the value — both or
 * neither. Scope: through its programme's school.
 */
@Entity({ tableName: 'measure' })
@Check({
  name: 'measure_target_check',
  expression:
    `(target_indicator is null) = (target_value is null) and (target_indicator is null or target_indicator = any (array[` +
    MEASURE_TARGET_INDICATORS.map((code) => `'${code}'`).join(', ') +
    `]))`,
})
export class Measure {
  // bigserial, as text in JS (the API's ids are strings; no precision lost)
  @PrimaryKey({ type: new BigIntType('string'), autoincrement: true })
  id!: string & Opt;

  /** The programme: a school document. */
  @ManyToOne(() => SchoolDocument, {
    fieldName: 'document_id',
    foreignKeyName: 'measure_document_id_fkey',
    updateRule: 'no action',
    deleteRule: 'cascade',
    index: true,
  })
  programme!: SchoolDocument;

  @Property({ type: 'text' })
  title!: string;

  @Property({ type: 'text', default: '' })
  deadlineText: string & Opt = '';

  @Property({ type: 'text', nullable: true })
  responsible?: string | null;

  @Property({ type: 'text', nullable: true })
  targetIndicator?: string | null;

  @Property({ type: 'double', nullable: true })
  targetValue?: number | null;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt!: Date & Opt;
}
