import {
  ArrayType,
  BigIntType,
  Check,
  Entity,
  ManyToOne,
  type Opt,
  PrimaryKey,
  Property,
} from '@mikro-orm/core';
import { RISK_FACTOR_MAX, RISK_FACTOR_MIN } from '../../enums.js';
import { School } from '../school.entity.js';

/**
 * A best practice (лучшая практика) of a school, for a risk factor R1..R10 or none, with tags;
 * every role but PUBLIC reads the published ones. Scope: school_id (SCHOOL_SCOPE).
 */
@Entity({ tableName: 'best_practice' })
@Check({
  name: 'best_practice_risk_factor_check',
  expression: `risk_factor is null or (risk_factor >= ${RISK_FACTOR_MIN} and risk_factor <= ${RISK_FACTOR_MAX})`,
})
export class BestPractice {
  // bigserial, as text in JS (the API's ids are strings; no precision lost)
  @PrimaryKey({ type: new BigIntType('string'), autoincrement: true })
  id!: string & Opt;

  @Property({ type: 'text' })
  title!: string;

  @ManyToOne(() => School, {
    foreignKeyName: 'best_practice_school_id_fkey',
    updateRule: 'no action',
    deleteRule: 'cascade',
    index: true,
  })
  school!: School;

  @Property({ type: 'smallint', nullable: true })
  riskFactor?: number | null;

  @Property({ type: 'text' })
  text!: string;

  @Property({ type: ArrayType, columnType: 'text[]', defaultRaw: `'{}'` })
  tags: string[] & Opt = [];

  @Property({ type: 'boolean', default: false })
  published: boolean & Opt = false;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt!: Date & Opt;
}
