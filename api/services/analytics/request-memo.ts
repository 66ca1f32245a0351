import { currentVersions, type Versions } from '../../../db/data-version.js';
import { type Queryable } from '../../../db/queryable.js';
import { type AnalyticsCache } from './cache.js';

/**
 * What one request has already looked up, carried by its context (api/context.ts): a nested field
 * over 100 schools reads the data version or resolves the methodology once, not 100 times.
 */
export class RequestMemo {
  private readonly values = new Map<string, Promise<unknown>>();

  once<T>(key: string, compute: () => Promise<T>): Promise<T> {
    let value = this.values.get(key) as Promise<T> | undefined;
    if (!value) this.values.set(key, (value = compute()));
    return value;
  }
}

/** What the analytics services read from a request's context. */
export interface AnalyticsSources {
  db: Queryable;
  analyticsCache: AnalyticsCache;
  memo: RequestMemo;
}

/** The data and approved-lists versions, read once per request in one statement. */
export function requestVersions(src: { db: Queryable; memo: RequestMemo }): Promise<Versions> {
  return src.memo.once('versions', () => currentVersions(src.db));
}

export async function requestDataVersion(src: { db: Queryable; memo: RequestMemo }): Promise<number> {
  return (await requestVersions(src)).data;
}
