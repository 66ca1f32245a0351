import { type Queryable } from '../../db/queryable.js';

/**
 * The foreign-key trigger of a result table re-reads (and row-locks) the school of every inserted
 * row: about 5 µs a row, most of an import's time (bench/RESULTS.md). An import has already resolved
 * every school code against the registry read in its own transaction; with `school` locked in SHARE
 * mode until commit, no school can be deleted or renumbered meanwhile, so the check can only pass.
 * When the database lets this role set session_replication_role (a superuser, or on PostgreSQL 15+
 * `GRANT SET ON PARAMETER session_replication_role`), the triggers are skipped for the one write
 * statement; otherwise they run as usual. Returns whether they are skipped; the caller restores
 * the setting (or rolls back to a savepoint taken before, which restores it too).
 */
export async function skipRedundantForeignKeyChecks(db: Queryable): Promise<boolean> {
  await db.query(`lock table school in share mode`);
  await db.query(`savepoint replication_role`);
  try {
    await db.query(`set local session_replication_role = replica`);
    await db.query(`release savepoint replication_role`);
    return true;
  } catch {
    await db.query(`rollback to savepoint replication_role`);
    return false;
  }
}

export async function restoreForeignKeyChecks(db: Queryable): Promise<void> {
  await db.query(`set local session_replication_role = origin`);
}
