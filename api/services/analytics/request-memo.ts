import { currentVersions, type Versions } from '../../../db/data-version.js';
import { type Queryable } from '../../../db/queryable.js';

/**
 * Per-request memo: each request gets its own Queryable (api/context.ts), so keying by it makes a
 * nested field over 100 schools look up the data version or resolve the methodology once, not 100 times.
 */
const memos = new WeakMap<Queryable, Map<string, Promise<unknown>>>();

export function oncePerRequest<T>(db: Queryable, key: string, compute: () => Promise<T>): Promise<T> {
  let memo = memos.get(db);
  if (!memo) memos.set(db, (memo = new Map()));
  let value = memo.get(key) as Promise<T> | undefined;
  if (!value) memo.set(key, (value = compute()));
  return value;
}

/** The data and approved-lists versions, read once per request in one statement. */
export function requestVersions(db: Queryable): Promise<Versions> {
  return oncePerRequest(db, 'versions', () => currentVersions(db));
}

export async function requestDataVersion(db: Queryable): Promise<number> {
  return (await requestVersions(db)).data;
}
