import {
  BigIntType,
  Check,
  Entity,
  Enum,
  Index,
  ManyToOne,
  type Opt,
  PrimaryKey,
  Property,
} from '@mikro-orm/core';
import { RISK_FACTOR_MAX, RISK_FACTOR_MIN, SchoolDocumentKind } from '../../enums.js';
import { School } from '../school.entity.js';

/**
 * A school's document of a list year (концепция, программа, план): an ANTI_RISK_PROGRAMME is
 * written for one risk factor R1..R10 (`riskFactor` 1..10), and only it has one. Its status is its
 * last status record as of a date (document_status_record). Scope: school_id (SCHOOL_SCOPE).
 */
@Entity({ tableName: 'school_document' })
@Index({ name: 'school_document_school_id_list_year_index', properties: ['school', 'listYear'] })
@Check({
  name: 'school_document_risk_factor_check',
  expression: `(kind = 'ANTI_RISK_PROGRAMME') = (risk_factor is not null) and (risk_factor is null or (risk_factor >= ${RISK_FACTOR_MIN} and risk_factor <= ${RISK_FACTOR_MAX}))`,
})
export class SchoolDocument {
  // bigserial, as text in JS (the API's ids are strings; no precision lost)
  @PrimaryKey({ type: new BigIntType('string'), autoincrement: true })
  id!: string & Opt;

  @ManyToOne(() => School, {
    foreignKeyName: 'school_document_school_id_fkey',
    updateRule: 'no action',
    deleteRule: 'cascade',
  })
  school!: School;

  @Property({ type: 'smallint' })
  listYear!: number;

  @Enum({ items: () => SchoolDocumentKind, type: 'text' })
  kind!: SchoolDocumentKind;

  /** The factor Rk of an ANTI_RISK_PROGRAMME (METHODOLOGY-V1 §4); null for every other kind. */
  @Property({ type: 'smallint', nullable: true })
  riskFactor?: number | null;

  @Property({ type: 'text' })
  title!: string;

  @Property({ type: 'text', nullable: true })
  fileUrl?: string | null;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt!: Date & Opt;
}
