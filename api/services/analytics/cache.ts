/**
 * A small LRU of computed analytics, keyed by (effective parameters' hash, data version, question):
 * repeats are served from memory; any load or import bumps the data version, so nothing stale is served.
 */
export class AnalyticsCache {
  private readonly entries = new Map<string, Promise<unknown>>();
  private hits = 0;
  private misses = 0;

  constructor(private readonly capacity = 32) {}

  get<T>(key: string, compute: () => Promise<T>): Promise<T> {
    const hit = this.entries.get(key);
    if (hit) {
      this.hits += 1;
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit as Promise<T>;
    }
    this.misses += 1;
    const value = compute();
    this.entries.set(key, value);
    // A failed computation is not remembered.
    value.catch(() => this.entries.delete(key));
    while (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value as string);
    return value;
  }

  /** Lookups since start (/metrics: the hit rate). */
  lookups(): { hits: number; misses: number } {
    return { hits: this.hits, misses: this.misses };
  }

  clear(): void {
    this.entries.clear();
  }
}
