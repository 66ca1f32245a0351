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
import { DocumentStatus } from '../../enums.js';
import { SchoolDocument } from './school-document.entity.js';

/**
 * A status record of a school document: the school submits, its CURATOR or municipal analyst
 * approves or returns it — a return always with a comment. `actor` is who (the viewer's id).
 * Append-only: the trigger document_status_record_append_only refuses UPDATE and DELETE. `seq`,
 * the insertion counter, orders the records of one date. The order of the statuses
 * (DRAFT → SUBMITTED → APPROVED | RETURNED → SUBMITTED) is the write path's rule.
 * Scope: through its document's school.
 */
@Entity({ tableName: 'document_status_record' })
@Index({ name: 'document_status_record_document_id_date_seq_index', properties: ['document', 'date', 'seq'] })
@Check({
  name: 'document_status_record_comment_check',
  expression: `status <> 'RETURNED' or btrim(coalesce(comment, '')) <> ''`,
})
export class DocumentStatusRecord {
  // bigserial: the insertion counter
  @PrimaryKey({ type: new BigIntType('number'), autoincrement: true })
  seq!: number & Opt;

  @ManyToOne(() => SchoolDocument, {
    foreignKeyName: 'document_status_record_document_id_fkey',
    updateRule: 'no action',
    deleteRule: 'cascade',
  })
  document!: SchoolDocument;

  @Property({ type: 'date' })
  date!: string;

  @Enum({ items: () => DocumentStatus, type: 'text' })
  status!: DocumentStatus;

  @Property({ type: 'text', nullable: true })
  comment?: string | null;

  @Property({ type: 'text' })
  actor!: string;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt!: Date & Opt;
}
