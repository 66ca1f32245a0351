/**
 * METHODOLOGY-V1 §7: every computed real value is rounded to 12 decimal places, halves away from
 * zero, before it is compared or ranked, so values equal on paper compare equal.
 */
export function round12(x: number): number {
  if (!Number.isFinite(x)) return x;
  const scaled = Math.abs(x) * 1e12;
  // Fast path: below 1e14, toPrecision(15) moves `scaled` by at most 0.05, so away from a half
  // Math.round decides the same (checked on 4 M ratios k/d, d ≤ 1500; see the test).
  if (scaled < 1e14) {
    const fraction = scaled - Math.floor(scaled);
    if (Math.abs(fraction - 0.5) > 0.05) return (Math.sign(x) * Math.round(scaled)) / 1e12 || 0;
  }
  // toPrecision(15) strips the binary noise of the multiplication before the half is judged.
  const rounded = Math.round(Number(scaled.toPrecision(15)));
  return (Math.sign(x) * rounded) / 1e12 || 0;
}

/** A ratio of integers, rounded; null when the denominator is 0. */
export function ratio(numerator: number, denominator: number): number | null {
  return denominator > 0 ? round12(numerator / denominator) : null;
}
