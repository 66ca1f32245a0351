import { type Queryable } from './queryable.js';

/** Bumped by every load or import, in the same transaction: analytics caches are keyed by it. */
export async function bumpDataVersion(db: Queryable): Promise<number> {
  const [row] = await db.query<{ version: string }>(
    `update data_version set version = version + 1, changed_at = now() where id = 1 returning version`,
  );
  return Number(row?.version);
}

export async function currentDataVersion(db: Queryable): Promise<number> {
  const [row] = await db.query<{ version: string }>(`select version from data_version where id = 1`);
  return Number(row?.version ?? 0);
}

export interface Versions {
  data: number;
  /** bumped by every approval of a ШНОР list: EXIT candidates of y depend on the approved lists of y − 1 */
  lists: number;
}

/** Both versions in one statement, so keying the ШНОР cache by the lists as well costs no extra query. */
export async function currentVersions(db: Queryable): Promise<Versions> {
  const [row] = await db.query<{ version: string; lists_version: string }>(
    `select version, lists_version from data_version where id = 1`,
  );
  return { data: Number(row?.version ?? 0), lists: Number(row?.lists_version ?? 0) };
}
