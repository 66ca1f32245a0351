/**
 * A small LRU of computed analytics, keyed by (effective parameters' hash, data version, question):
 * repeats are served from memory; any load or import bumps the data version, so nothing stale is served.
 */
export class AnalyticsCache {
  private readonly entries = new Map<string, Promise<unknown>>();

  constructor(private readonly capacity = 32) {}

  get<T>(key: string, compute: () => Promise<T>): Promise<T> {
    const hit = this.entries.get(key);
    if (hit) {
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit as Promise<T>;
    }
    const value = compute();
    this.entries.set(key, value);
    // A failed computation is not remembered.
    value.catch(() => this.entries.delete(key));
    while (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value as string);
    return value;
  }

  clear(): void {
    this.entries.clear();
  }
}
