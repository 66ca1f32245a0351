import { type Queryable } from '../../../db/queryable.js';
import { type Viewer } from '../../../db/viewer.js';
import { type HeaderMap } from '../../formats/headers.js';
import { type SupportRow } from '../../formats/support/common.js';
import { type BadRow } from '../../formats/types.js';

/**
 * What the writes of the support-list kinds share: the validated rows go to PostgreSQL as one
 * jsonb parameter per chunk and are matched to the stored rows by natural key; a stored row with
 * other values is updated, a new key inserted, the rest counted unchanged — importing the same
 * file again changes nothing. A kind whose rows must agree with the stored ones (a document's
 * status log) may refuse rows instead: they are bad rows, and the import is refused whole.
 */

export interface SupportWriteCounts {
  inserted: number;
  updated: number;
}

export interface WriteOutcome extends SupportWriteCounts {
  /** Rows the stored data refuses (the transaction is rolled back). */
  bad?: readonly BadRow[];
}

export interface WriteContext {
  /** The file's headers, for the columns of a refused row. */
  headers: HeaderMap;
  /** The importer: the actor of records that name one. */
  viewer: Viewer;
}

export type Writer = (
  db: Queryable,
  rows: readonly SupportRow[],
  context: WriteContext,
) => Promise<WriteOutcome>;

export const CHUNK = 5000;

export async function inChunks<T>(
  db: Queryable,
  rows: readonly T[],
  statement: string,
  toJson: (row: T) => object,
): Promise<SupportWriteCounts> {
  const total = { inserted: 0, updated: 0 };
  for (let start = 0; start < rows.length; start += CHUNK) {
    const chunk = rows.slice(start, start + CHUNK).map(toJson);
    const [counts] = await db.query<SupportWriteCounts>(statement, [JSON.stringify(chunk)]);
    total.inserted += counts?.inserted ?? 0;
    total.updated += counts?.updated ?? 0;
  }
  return total;
}

/** The counts of a statement whose CTEs `ins` and `upd` return a row per inserted and updated row. */
export const COUNTS = `select (select count(*) from ins)::int as inserted, (select count(*) from upd)::int as updated`;
