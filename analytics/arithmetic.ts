/**
 * METHODOLOGY-V1 §7: every computed real value is rounded to 12 decimal places, halves away from
 * zero, before it is compared or ranked, so values equal on paper compare equal.
 */
export function round12(x: number): number {
  if (!Number.isFinite(x)) return x;
  const scaled = Math.abs(x) * 1e12;
  // toPrecision(15) strips the binary noise of the multiplication before the half is judged.
  const rounded = Math.round(Number(scaled.toPrecision(15)));
  return (Math.sign(x) * rounded) / 1e12 || 0;
}

/** A ratio of integers, rounded; null when the denominator is 0. */
export function ratio(numerator: number, denominator: number): number | null {
  return denominator > 0 ? round12(numerator / denominator) : null;
}
