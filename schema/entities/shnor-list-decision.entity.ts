import { BigIntType, Entity, Enum, Index, ManyToOne, type Opt, PrimaryKey, Property } from '@mikro-orm/core';
import { DECISIONS, type DecisionValue, ShnorListEntry } from './shnor-list-entry.entity.js';

/** Every decision ever made on an entry, also those overwritten while the list was a draft. */
@Entity({ tableName: 'shnor_list_decision' })
@Index({
  name: 'shnor_list_decision_list_index',
  expression: `create index "shnor_list_decision_list_index" on "shnor_list_decision" ("list_id")`,
})
export class ShnorListDecision {
  // bigserial, as text in JS (the API's ids are strings; no precision lost)
  @PrimaryKey({ type: new BigIntType('string'), autoincrement: true })
  id!: string & Opt;

  @ManyToOne(() => ShnorListEntry, {
    joinColumns: ['list_id', 'school_id'],
    foreignKeyName: 'shnor_list_decision_list_id_school_id_fkey',
    updateRule: 'no action',
    deleteRule: 'cascade',
  })
  entry!: ShnorListEntry;

  @Enum({ items: () => [...DECISIONS], type: 'text' })
  decision!: DecisionValue;

  @Property({ type: 'text' })
  justification!: string;

  @Property({ type: 'text' })
  decidedBy!: string;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  decidedAt!: Date & Opt;
}
