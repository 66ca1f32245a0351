import type pg from 'pg';
import { type Queryable } from '../../db/queryable.js';
import { copyRows } from '../../db/copy.js';
import { type StagingBatch } from '../validate.js';
import { skipRedundantForeignKeyChecks, restoreForeignKeyChecks } from './references.js';
import { type Target } from './targets.js';

/**
 * The direct path of a result file (bench/RESULTS.md, Import): the validated rows are COPYed
 * straight into the target table in one pass, instead of into a staging table and then INSERT …
 * SELECT — the second pass over 1.2 M rows costs about as much as a third of the import. It is
 * tried only when it will most likely succeed: the first row's year is not stored for the target
 * yet (a new year's file) and the foreign-key trigger may be skipped (otherwise its per-row check
 * would cost more than the staging pass saves). The primary key keeps it correct whatever the file
 * holds: a row already stored, or a key repeated within the file, fails the COPY with a unique
 * violation; everything is then undone to the savepoint and the caller reads the file again
 * through staging, where the upsert and the duplicate rules apply.
 */

const UNIQUE_VIOLATION = '23505';

export type DirectOutcome =
  /** The rows are in the target (bad rows were skipped and are the caller's to refuse). */
  | { path: 'DIRECT'; copied: number }
  /** Not tried: the same rows, first one included, go on to staging. */
  | { path: 'STAGED'; rows: AsyncIterable<StagingBatch> }
  /** Tried and undone: a key repeats (in the file or against a stored row); read the file again. */
  | { path: 'REREAD' };

/** `head` again, then the rest of `it`: no generator in between, which would cost a promise per row. */
function prepend<T>(head: IteratorResult<T>, it: AsyncIterator<T>): AsyncIterable<T> {
  let pending: IteratorResult<T> | null = head;
  const iterator: AsyncIterator<T> = {
    next: () => {
      if (!pending) return it.next();
      const first = pending;
      pending = null;
      return Promise.resolve(first);
    },
    return: async (value?: unknown) => (it.return ? it.return(value) : { done: true, value: undefined }),
  };
  return { [Symbol.asyncIterator]: () => iterator };
}

/**
 * Whether any school has a row of `year` in the target: one primary-key probe per school (the key
 * starts with school_id), since no index starts with year and a scan of the table would read every
 * year ever imported.
 */
async function yearStored(db: Queryable, target: Target, year: unknown): Promise<boolean> {
  const [row] = await db.query<{ stored: boolean }>(
    `select exists (select 1 from school s cross join lateral
       (select 1 from ${target.table} t where t.school_id = s.id and t.year = $1 limit 1) x) as stored`,
    [year],
  );
  return row?.stored === true;
}

/**
 * Back to before the attempt, and out of its subtransaction: `rollback to savepoint` keeps the
 * savepoint (a new subtransaction), and COPY FREEZE into the staging table is refused inside one.
 */
async function undo(db: Queryable): Promise<void> {
  await db.query('rollback to savepoint direct');
  await db.query('release savepoint direct');
}

/**
 * Tries the direct path with `rows` (batches of validated `[line, …stagingColumns]`); see the
 * module comment. `columns` are the staging columns, which for result kinds are the target's.
 */
export async function tryDirect(
  client: pg.PoolClient | pg.Client,
  db: Queryable,
  target: Target,
  columns: readonly string[],
  rows: AsyncIterable<StagingBatch>,
): Promise<DirectOutcome> {
  const it = rows[Symbol.asyncIterator]();
  const head = await it.next();
  const rest = prepend(head, it);
  // No valid row at all: nothing to gain, and staging reports such a file as it always did.
  if (head.done) return { path: 'STAGED', rows: rest };
  // Batches are never empty: the first holds the file's first valid row.
  const year = head.value.rows[0]?.[1 + columns.indexOf('year')];
  if (await yearStored(db, target, year)) return { path: 'STAGED', rows: rest };
  // The savepoint also undoes the trigger setting and the lock on `school` if the COPY fails.
  await db.query('savepoint direct');
  if (!(await skipRedundantForeignKeyChecks(db))) {
    await undo(db);
    return { path: 'STAGED', rows: rest };
  }
  try {
    const copied = await copyRows(client, target.table, columns, rest, { firstField: 1 });
    await restoreForeignKeyChecks(db);
    await db.query('release savepoint direct');
    return { path: 'DIRECT', copied };
  } catch (error) {
    if ((error as { code?: string }).code !== UNIQUE_VIOLATION) throw error;
    await undo(db);
    return { path: 'REREAD' };
  }
}
