import { Entity, Enum, ManyToOne, PrimaryKeyProp, Property } from '@mikro-orm/core';
import { School } from './school.entity.js';
import { ShnorList } from './shnor-list.entity.js';

export const DECISIONS = ['INCLUDE', 'EXCLUDE'] as const;
export type DecisionValue = (typeof DECISIONS)[number];

/**
 * A school on a list as it was when the list was made (name, code, municipality and evidence are
 * copied, never re-read), with the manual decision that stands.
 */
@Entity({ tableName: 'shnor_list_entry' })
export class ShnorListEntry {
  [PrimaryKeyProp]?: ['list', 'school'];

  @ManyToOne(() => ShnorList, {
    primary: true,
    fieldName: 'list_id',
    foreignKeyName: 'shnor_list_entry_list_id_fkey',
    updateRule: 'no action',
    deleteRule: 'cascade',
  })
  list!: ShnorList;

  @ManyToOne(() => School, {
    primary: true,
    foreignKeyName: 'shnor_list_entry_school_id_fkey',
    updateRule: 'no action',
    deleteRule: 'cascade',
  })
  school!: School;

  @Property({ type: 'integer' })
  position!: number;

  @Property({ type: 'text' })
  schoolCode!: string;

  @Property({ type: 'text' })
  schoolName!: string;

  /** A copy, not a reference: the list keeps the municipality the school had. */
  @Property({ type: 'integer' })
  municipalityId!: number;

  /** ELIGIBLE, REVIEW, NOT_ELIGIBLE, … (the eligibility status when the list was made). */
  @Property({ type: 'text' })
  status!: string;

  @Property({ type: 'boolean' })
  exitCandidate!: boolean;

  @Property({ type: 'boolean' })
  previouslyListed!: boolean;

  @Property({ type: 'json' })
  evidence!: unknown;

  @Enum({ items: () => [...DECISIONS], type: 'text', nullable: true })
  decision?: DecisionValue | null;

  @Property({ type: 'text', nullable: true })
  justification?: string | null;

  @Property({ type: 'text', nullable: true })
  decidedBy?: string | null;

  @Property({ type: 'datetime', nullable: true })
  decidedAt?: Date | null;
}
