import { round12 } from './arithmetic.js';

/**
 * PostgreSQL's PERCENT_RANK() over `values` ascending: (rank − 1) / (n − 1), where rank is 1 + the
 * number of strictly smaller values (ties share the lowest rank), and 0 when n = 1. Values are
 * rounded to 12 decimals first (METHODOLOGY-V1 §7) so equal-on-paper values tie.
 * Returns the ranks in the order of `values`.
 */
export function percentRanks(values: readonly number[]): number[] {
  const n = values.length;
  if (n === 0) return [];
  if (n === 1) return [0];
  const rounded = values.map(round12);
  const order = rounded.map((_, i) => i).sort((a, b) => (rounded[a] as number) - (rounded[b] as number));
  const ranks = new Array<number>(n);
  let rank = 1;
  for (let k = 0; k < n; k += 1) {
    const i = order[k] as number;
    if (k > 0 && (rounded[i] as number) !== (rounded[order[k - 1] as number] as number)) rank = k + 1;
    ranks[i] = round12((rank - 1) / (n - 1));
  }
  return ranks;
}

/** percentRanks within groups (e.g. region × year); returns a rank per item, in item order. */
export function percentRanksBy<T>(
  items: readonly T[],
  groupOf: (item: T) => string | number,
  valueOf: (item: T) => number,
): number[] {
  const groups = new Map<string | number, number[]>();
  items.forEach((item, i) => {
    const key = groupOf(item);
    const members = groups.get(key);
    if (members) members.push(i);
    else groups.set(key, [i]);
  });
  const out = new Array<number>(items.length);
  for (const members of groups.values()) {
    const ranks = percentRanks(members.map((i) => valueOf(items[i] as T)));
    members.forEach((i, k) => (out[i] = ranks[k] as number));
  }
  return out;
}
