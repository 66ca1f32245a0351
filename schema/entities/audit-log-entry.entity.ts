import { BigIntType, Entity, Index, type Opt, PrimaryKey, Property } from '@mikro-orm/core';
import { type Viewer } from '../../db/viewer.js';

/**
 * One row of audit_log: who changed what, when, with which scope. db/audit.ts writes the same row
 * in SQL; a writer that goes through the ORM persists one of these in the flush of its change, so
 * the change and its record land in one transaction.
 */
@Entity({ tableName: 'audit_log' })
export class AuditLogEntry {
  // bigserial, as text in JS (the API's ids are strings; no precision lost)
  @PrimaryKey({ type: new BigIntType('string'), autoincrement: true })
  id!: string & Opt;

  @Index({ name: 'audit_log_at_index' })
  @Property({ type: 'datetime', defaultRaw: 'now()' })
  at!: Date & Opt;

  @Property({ type: 'text' })
  actor!: string;

  @Property({ type: 'text' })
  role!: string;

  @Property({ type: 'json' })
  scope!: unknown;

  @Property({ type: 'text' })
  action!: string;

  @Property({ type: 'text' })
  target!: string;

  @Property({ type: 'json', defaultRaw: `'{}'::jsonb` })
  details: object & Opt = {};

  /** The entry of `viewer` doing `action` on `target` (as db/audit.ts `audit` writes it). */
  static of(viewer: Viewer, action: string, target: string, details: object = {}): AuditLogEntry {
    const entry = new AuditLogEntry();
    entry.actor = viewer.id;
    entry.role = viewer.role;
    entry.scope = viewer.scope;
    entry.action = action;
    entry.target = target;
    entry.details = details;
    return entry;
  }
}
