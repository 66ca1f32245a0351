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
