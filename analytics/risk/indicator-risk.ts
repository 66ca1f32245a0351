import { round12 } from '../arithmetic.js';
import { type RiskIndicatorParams } from '../methodology/params.js';

export type IndicatorRisk = 0 | 1 | 2;

/**
 * Farther than this from a cut-off, rounding to 12 decimals (or to round12's 15 significant digits
 * for large numbers, hence relative) cannot move a value across it, so the raw comparison is the
 * rounded one. round12 costs ~0.7 µs (it goes through toPrecision) and a country profile makes
 * ~900 000 comparisons: only values this close to a cut pay for it.
 */
const near = (cut: number): number => 1e-9 * Math.max(1, Math.abs(cut));

/** v ≥ cut (or ≤) exactly as §7 wants it: on the rounded value, against the rounded cut-off. */
function atOrAbove(v: number, cut: number): boolean {
  const d = v - cut;
  if (d > near(cut)) return true;
  if (d < -near(cut)) return false;
  return round12(v) >= round12(cut);
}

function atOrBelow(v: number, cut: number): boolean {
  const d = v - cut;
  if (d < -near(cut)) return true;
  if (d > near(cut)) return false;
  return round12(v) <= round12(cut);
}

/**
 * r_i of METHODOLOGY-V1 §4: 2 at or beyond cut2, else 1 at or beyond cut1, else 0 — "beyond" is
 * ≥ for HIGH_IS_RISK and ≤ for LOW_IS_RISK. Compared after rounding to 12 decimals (§7), so a share
 * equal to a cut-off on paper lands on the risky side whatever its floating-point noise.
 * EQ_LIBRARY (LOW_IS_RISK, cut1 = cut2 = 0) gives 0 → 2 and 1 → 0 with no special case.
 */
export function indicatorRisk(
  value: number,
  ind: Pick<RiskIndicatorParams, 'direction' | 'cut1' | 'cut2'>,
): IndicatorRisk {
  const beyond = ind.direction === 'HIGH_IS_RISK' ? atOrAbove : atOrBelow;
  if (beyond(value, ind.cut2)) return 2;
  if (beyond(value, ind.cut1)) return 1;
  return 0;
}
