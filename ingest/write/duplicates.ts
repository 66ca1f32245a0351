import { type Queryable } from '../../db/queryable.js';
import { MAX_LISTED_ERRORS } from '../report.js';
import { STAGING, type Target } from './targets.js';

/**
 * Within-file duplicates, found over the staging table: the same natural key on two lines. One
 * pass over the table, sorted by key (a window over the key, no join): the plan cannot turn into a
 * nested loop of the table with itself, whatever the file repeats (issue 9: a file of one key
 * repeated made the self-join run for hours). The statement timeout of the import bounds it still.
 */

export interface ConflictingDuplicate {
  line: number;
  firstLine: number;
  key: string;
}

export interface Conflicts {
  /** The first MAX_LISTED_ERRORS conflicting lines, by line. */
  found: ConflictingDuplicate[];
  /** All of them. */
  total: number;
}

/** Lines whose key appeared earlier with different values (an exact repeat is not a conflict). */
export async function conflictingDuplicates(db: Queryable, target: Target): Promise<Conflicts> {
  const values = (of: (c: string) => string) => target.values.map(of).join(', ');
  const rows = await db.query<ConflictingDuplicate & { total: number } & Record<string, unknown>>(
    `select s.line, s.first_line as "firstLine", ${target.keyText} as key, count(*) over ()::int as total
     from (select d.*, first_value(d.line) over w as first_line,
             (${values((c) => `d.${c}`)}) is distinct from (${values((c) => `first_value(d.${c}) over w`)}) as differs
           from ${STAGING} d
           window w as (partition by ${target.keys.map((k) => `d.${k}`).join(', ')} order by d.line)) s
     where s.line <> s.first_line and s.differs
     order by s.line
     limit ${MAX_LISTED_ERRORS}`,
  );
  return {
    found: rows.map(({ line, firstLine, key }) => ({ line, firstLine, key })),
    total: rows[0]?.total ?? 0,
  };
}

/**
 * Drops the later copies of exact repeats (called once no conflicting duplicate is left); how many.
 * The copies are found in one sorted pass and deleted by their row address (a TID scan, no join).
 */
export async function removeExactDuplicates(db: Queryable, target: Target): Promise<number> {
  const rows = await db.query<{ n: number }>(
    `with gone as (
       delete from ${STAGING} where ctid = any (array(
         select ctid from (select ctid, row_number() over (partition by ${target.keys.join(', ')} order by line) as n
                           from ${STAGING}) r
         where n > 1))
       returning 1)
     select count(*)::int as n from gone`,
  );
  return rows[0]?.n ?? 0;
}
