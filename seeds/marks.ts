/** Mark counts (n2, n3, n4, n5) from students' abilities or from target shares. */

export type Marks = [number, number, number, number];

/** Adds one student of ability `a` to the mark counts, by cut-points between 2|3, 3|4, 4|5. */
export function tally(m: Marks, a: number, cuts: readonly [number, number, number]): void {
  if (a < cuts[0]) m[0]++;
  else if (a < cuts[1]) m[1]++;
  else if (a < cuts[2]) m[2]++;
  else m[3]++;
}

/**
 * If the share of «4»+«5» exceeds `maxQuality`, the weakest «4»s (or «5»s) become «3»s: ordinary
 * schools are kept out of HIGH_VS_REGION range.
 */
export function capQuality(m: Marks, maxQuality: number): Marks {
  const n = m[0] + m[1] + m[2] + m[3];
  while (n > 0 && (m[2] + m[3]) / n > maxQuality) {
    if (m[2] > 0) m[2]--;
    else m[3]--;
    m[1]++;
  }
  return m;
}

/** Integer counts summing to n, proportional to `shares` (largest remainder; ties to the higher mark). */
export function countsFromShares(n: number, shares: readonly [number, number, number, number]): Marks {
  const total = shares[0] + shares[1] + shares[2] + shares[3];
  const exact = shares.map((s) => (n * s) / total);
  const m = exact.map(Math.floor) as Marks;
  let left = n - (m[0] + m[1] + m[2] + m[3]);
  const order = [3, 2, 1, 0].sort(
    (a, b) => (exact[b] ?? 0) - Math.floor(exact[b] ?? 0) - ((exact[a] ?? 0) - Math.floor(exact[a] ?? 0)),
  );
  for (let k = 0; left > 0; k = (k + 1) % 4, left--) {
    const i = order[k] ?? 3;
    m[i] = (m[i] ?? 0) + 1;
  }
  return m;
}

export function meanMark(m: Marks): number {
  const n = m[0] + m[1] + m[2] + m[3];
  return n === 0 ? 0 : (2 * m[0] + 3 * m[1] + 4 * m[2] + 5 * m[3]) / n;
}

/**
 * Raises the weakest marks of an ordinary grade-5 row until its mean is at most `maxDrop` below the
 * same cohort's grade-4 mean of last year (beyond the expected drop), without passing `maxQuality`:
 * keeps accidental COHORT_DROP markers rare.
 */
export function softenDrop(m: Marks, grade4Mean: number, maxDrop: number, maxQuality: number): Marks {
  const n = m[0] + m[1] + m[2] + m[3];
  while (grade4Mean - meanMark(m) > maxDrop) {
    if (m[0] > 0) {
      m[0]--;
      m[1]++;
    } else if (m[1] > 0 && (m[2] + m[3] + 1) / n <= maxQuality) {
      m[1]--;
      m[2]++;
    } else break;
  }
  return m;
}
