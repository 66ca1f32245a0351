import { round12 } from '../arithmetic.js';

export interface ZTest {
  z: number | null;
  /** |z| ≥ zCritical; null when z is undefined */
  significant: boolean | null;
}

/**
 * Two-proportion z-test of a₁/N₁ (year y) against a₀/N₀ (year y − 1) with the pooled proportion
 * p = (a₀ + a₁)/(N₀ + N₁), z = (p₁ − p₀)/√(p(1 − p)(1/N₀ + 1/N₁)) (§5). Undefined when a
 * denominator is 0 or p is 0 or 1: there is no variance to test against. Positive z means the
 * share grew.
 */
export function twoProportionZ(a0: number, n0: number, a1: number, n1: number, zCritical: number): ZTest {
  if (!(n0 > 0 && n1 > 0)) return { z: null, significant: null };
  const p = round12((a0 + a1) / (n0 + n1));
  if (p <= 0 || p >= 1) return { z: null, significant: null };
  const z = round12((a1 / n1 - a0 / n0) / Math.sqrt(p * (1 - p) * (1 / n0 + 1 / n1)));
  return { z, significant: Math.abs(z) >= round12(zCritical) };
}
