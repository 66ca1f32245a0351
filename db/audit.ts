import { type Queryable } from './queryable.js';
import { sql } from './sql.js';
import { type Viewer } from './viewer.js';

export interface AuditEntry {
  id: string;
  at: Date;
  actor: string;
  role: string;
  scope: unknown;
  action: string;
  target: string;
  details: unknown;
}

/** Writes one entry; callers pass the transaction of the change, so the change and its record land together. */
export async function audit(
  db: Queryable,
  viewer: Viewer,
  action: string,
  target: string,
  details: object = {},
): Promise<void> {
  await db.query(
    `insert into audit_log (actor, role, scope, action, target, details) values ($1, $2, $3, $4, $5, $6)`,
    [viewer.id, viewer.role, JSON.stringify(viewer.scope), action, target, JSON.stringify(details)],
  );
}

/** Newest first, keyset-paged by id. */
export async function readAudit(
  db: Queryable,
  first: number,
  beforeId: string | null,
  action: string | null,
): Promise<AuditEntry[]> {
  const where = sql.where([beforeId ? sql`id < ${beforeId}` : null, action ? sql`action = ${action}` : null]);
  return db.query<AuditEntry>(
    sql`select id::text as id, at, actor, role, scope, action, target, details from audit_log ${where}
      order by audit_log.id desc limit ${first + 1}`,
  );
}
