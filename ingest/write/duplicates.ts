import { type Queryable } from '../../analytics/sql/queryable.js';
import { STAGING, type Target } from './targets.js';

/** Within-file duplicates, found over the staging table: the same natural key on two lines. */

export interface ConflictingDuplicate {
  line: number;
  firstLine: number;
  key: string;
}

function numbered(target: Target): string {
  return `select line, min(line) over (partition by ${target.keys.join(', ')}) as first_line from ${STAGING}`;
}

/** Lines whose key appeared earlier with different values (an exact repeat is not a conflict). */
export async function conflictingDuplicates(db: Queryable, target: Target): Promise<ConflictingDuplicate[]> {
  const differs = `(${target.values.map((c) => `s.${c}`).join(', ')}) is distinct from (${target.values.map((c) => `f.${c}`).join(', ')})`;
  return db.query<ConflictingDuplicate & Record<string, unknown>>(
    `select d.line, d.first_line as "firstLine", ${target.keyText} as key
     from (${numbered(target)}) d
     join ${STAGING} s on s.line = d.line
     join ${STAGING} f on f.line = d.first_line
     where d.line <> d.first_line and ${differs}
     order by d.line`,
  );
}

/** Drops the later copies of exact repeats (called once no conflicting duplicate is left); how many. */
export async function removeExactDuplicates(db: Queryable, target: Target): Promise<number> {
  const rows = await db.query(
    `delete from ${STAGING} s using (${numbered(target)}) d
     where s.line = d.line and d.line <> d.first_line returning s.line`,
  );
  return rows.length;
}
