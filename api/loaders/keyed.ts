import DataLoader from 'dataloader';

/**
 * One DataLoader per distinct argument set of a nested field (e.g. vprResults(year: 2025) and
 * vprResults(year: 2024) in one request): each batches its own keys into one statement.
 */
export function keyedLoaders<A, K, V>(
  batch: (args: A, keys: readonly K[]) => Promise<V[]>,
): (args: A) => DataLoader<K, V> {
  const loaders = new Map<string, DataLoader<K, V>>();
  return (args: A) => {
    const id = JSON.stringify(args);
    let loader = loaders.get(id);
    if (!loader) {
      loader = new DataLoader<K, V>((keys) => batch(args, keys));
      loaders.set(id, loader);
    }
    return loader;
  };
}

/** Groups rows by a key into the order of `keys` (DataLoader's contract), [] where none. */
export function groupInto<K, R>(keys: readonly K[], rows: readonly R[], keyOf: (row: R) => K): R[][] {
  const groups = new Map<K, R[]>(keys.map((k) => [k, []]));
  for (const row of rows) groups.get(keyOf(row))?.push(row);
  return keys.map((k) => groups.get(k) ?? []);
}

/** One row per key in the order of `keys`, null where none. */
export function oneInto<K, R>(keys: readonly K[], rows: readonly R[], keyOf: (row: R) => K): (R | null)[] {
  const byKey = new Map<K, R>(rows.map((r) => [keyOf(r), r]));
  return keys.map((k) => byKey.get(k) ?? null);
}
