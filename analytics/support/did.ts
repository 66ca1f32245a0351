import { type SupportParams } from './params.js';

/**
 * SUPPORT-V1 §6 Effect of support: the difference-in-differences statistics of two groups of Δ
 * values, computed exactly. Floating point would make the figures depend on the order of the
 * additions (and a variance of near-equal values loses most of its digits), so the Δ values — 12
 * decimals after METHODOLOGY-V1 §7 — become integers ×10¹², the means, variances, DiD and df are
 * exact rationals of BigInts, SE is an integer square root to `didRootDigits` decimals, and every
 * figure is rounded once, at the end, to `didReportDecimals` decimals, halves away from zero.
 */

export type DidParams = SupportParams['did'];

/** The decimals of the inputs: lowIndex and its differences are §7 values (METHODOLOGY-V1 §7). */
const INPUT_DECIMALS = 12;

export interface DidStatistics {
  nT: number;
  nC: number;
  /** null only when the group is empty */
  meanDeltaT: number | null;
  meanDeltaC: number | null;
  /** the sample variances s² (n − 1); null when the group has fewer than 2 schools */
  varianceT: number | null;
  varianceC: number | null;
  /** meanΔT − meanΔC; null when undefined */
  did: number | null;
  /** √(s²T/nT + s²C/nC); null when undefined */
  se: number | null;
  /** did ∓ didZ · se; null when undefined */
  ciLow: number | null;
  ciHigh: number | null;
  /**
   * Welch–Satterthwaite df; null when undefined, and also when se = 0 (both variances 0): the
   * ratio is 0/0 there, and no t distribution describes a difference measured without spread.
   */
  df: number | null;
  /** nT and nC ≥ didMinGroup (and ≥ 2, below which a variance does not exist) */
  defined: boolean;
}

/** A rational n / d with d > 0, kept in lowest terms. */
interface Rational {
  n: bigint;
  d: bigint;
}

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

function rational(n: bigint, d: bigint): Rational {
  if (d === 0n) throw new Error('did: division by zero');
  const sign = d < 0n ? -1n : 1n;
  const g = gcd(n, d) || 1n;
  return { n: (sign * n) / g, d: (sign * d) / g };
}

const add = (a: Rational, b: Rational) => rational(a.n * b.d + b.n * a.d, a.d * b.d);
const sub = (a: Rational, b: Rational) => rational(a.n * b.d - b.n * a.d, a.d * b.d);
const mul = (a: Rational, b: Rational) => rational(a.n * b.n, a.d * b.d);
const div = (a: Rational, b: Rational) => rational(a.n * b.d, a.d * b.n);

/**
 * The largest integer r with r² ≤ x (x ≥ 0): Newton's iteration from a power of two above √x, which
 * decreases until it reaches ⌊√x⌋ (a float estimate could start below the root, where it stalls).
 */
export function isqrt(x: bigint): bigint {
  if (x < 0n) throw new Error('isqrt of a negative number');
  if (x < 2n) return x;
  let r = 1n << BigInt((x.toString(2).length >> 1) + 1);
  for (;;) {
    const next = (r + x / r) >> 1n;
    if (next >= r) return r;
    r = next;
  }
}

/**
 * √x truncated to `digits` decimals: ⌊√x · 10^digits⌋ / 10^digits = isqrt(⌊x · 10^(2·digits)⌋) /
 * 10^digits (⌊√⌊y⌋⌋ = ⌊√y⌋). Truncation keeps the root on its side of every number with at most
 * `digits` decimals, so rounding it to fewer decimals gives the rounding of the exact root.
 */
function sqrtTo(x: Rational, digits: number): Rational {
  const scale = 10n ** BigInt(digits);
  return rational(isqrt((x.n * scale * scale) / x.d), scale);
}

/** A decimal parameter (didZ) or a 12-decimal value as the exact rational of its 12 decimals. */
export function toScaled(x: number): bigint {
  if (!Number.isFinite(x) || Math.abs(x) >= 1e3) throw new Error(`did: ${x} is not a §7 value`);
  // below 1e15 the product is off by far less than 0.5, so the nearest integer is the decimal's own
  return BigInt(Math.round(x * 10 ** INPUT_DECIMALS));
}

const ofDecimal = (x: number) => rational(toScaled(x), 10n ** BigInt(INPUT_DECIMALS));

/**
 * x rounded to `decimals` decimals, halves away from zero, exactly (METHODOLOGY-V1 §7 on a rational),
 * as the double nearest to that decimal: parsing the decimal string rounds correctly.
 */
export function roundRational(x: Rational, decimals: number): number {
  const negative = x.n < 0n;
  const scale = 10n ** BigInt(decimals);
  const scaled = (negative ? -x.n : x.n) * scale;
  let units = scaled / x.d;
  if (2n * (scaled % x.d) >= x.d) units += 1n;
  if (units === 0n) return 0;
  const digits = units.toString().padStart(decimals + 1, '0');
  const text = `${digits.slice(0, digits.length - decimals)}.${digits.slice(digits.length - decimals)}`;
  return Number(`${negative ? '-' : ''}${text}`);
}

/** Δ = after − before on the 12 decimals of both (§7), exact: the difference of the scaled integers. */
export function deltaOf(before: number, after: number): number {
  return roundRational(rational(toScaled(after) - toScaled(before), 10n ** BigInt(INPUT_DECIMALS)), 12);
}

/** n, Σa and Σa² of one group, the values as integers ×10¹². */
interface Sums {
  n: bigint;
  sum: bigint;
  squares: bigint;
}

function sumsOf(values: readonly number[]): Sums {
  let sum = 0n;
  let squares = 0n;
  for (const v of values) {
    const a = toScaled(v);
    sum += a;
    squares += a * a;
  }
  return { n: BigInt(values.length), sum, squares };
}

const UNIT = 10n ** BigInt(INPUT_DECIMALS);

/** Σa / n, back in the units of Δ. */
const meanOf = (g: Sums) => rational(g.sum, g.n * UNIT);

/** s² = (nΣa² − (Σa)²) / (n(n − 1)), back in the units of Δ² (n ≥ 2). */
const varianceOf = (g: Sums) => rational(g.n * g.squares - g.sum * g.sum, g.n * (g.n - 1n) * UNIT * UNIT);

/**
 * §6 over the Δ values of the treated (T) and control (C) schools. Undefined — did, se, the
 * interval and df null — when nT or nC < didMinGroup; n, the means and (from 2 values) the
 * variances are reported regardless.
 */
export function didStatistics(
  treated: readonly number[],
  control: readonly number[],
  params: DidParams,
): DidStatistics {
  const report = (x: Rational) => roundRational(x, params.didReportDecimals);
  const t = sumsOf(treated);
  const c = sumsOf(control);
  const varT = t.n >= 2n ? varianceOf(t) : null;
  const varC = c.n >= 2n ? varianceOf(c) : null;
  const minGroup = Math.max(params.didMinGroup, 2);
  const base = {
    nT: treated.length,
    nC: control.length,
    meanDeltaT: t.n > 0n ? report(meanOf(t)) : null,
    meanDeltaC: c.n > 0n ? report(meanOf(c)) : null,
    varianceT: varT ? report(varT) : null,
    varianceC: varC ? report(varC) : null,
  };
  if (treated.length < minGroup || control.length < minGroup || !varT || !varC) {
    return { ...base, did: null, se: null, ciLow: null, ciHigh: null, df: null, defined: false };
  }
  const did = sub(meanOf(t), meanOf(c));
  // v = s²/n per group: SE² = vT + vC, and df = (vT + vC)² / (vT²/(nT − 1) + vC²/(nC − 1))
  const vT = div(varT, rational(t.n, 1n));
  const vC = div(varC, rational(c.n, 1n));
  const se2 = add(vT, vC);
  const se = sqrtTo(se2, params.didRootDigits);
  const margin = mul(ofDecimal(params.didZ), se);
  const dfDenominator = add(
    div(mul(vT, vT), rational(t.n - 1n, 1n)),
    div(mul(vC, vC), rational(c.n - 1n, 1n)),
  );
  return {
    ...base,
    did: report(did),
    se: report(se),
    ciLow: report(sub(did, margin)),
    ciHigh: report(add(did, margin)),
    df: se2.n === 0n ? null : report(div(mul(se2, se2), dfDenominator)),
    defined: true,
  };
}

/** The §6 arguments a request may give instead of support-v1's; null or absent = not changed. */
export interface DidOverrides {
  horizon?: number | null;
  controlRankMin?: number | null;
}

/** The largest horizon a request may ask for: years beyond it hold no data and nobody plans that far. */
export const DID_HORIZON_MAX = 50;

export interface DidArgumentProblem {
  argument: keyof DidOverrides;
  message: string;
}

/** Every wrong §6 argument, each naming itself; empty when they are valid. */
export function didArgumentProblems(o: DidOverrides): DidArgumentProblem[] {
  const problems: DidArgumentProblem[] = [];
  if (o.horizon != null && (!Number.isInteger(o.horizon) || o.horizon < 1 || o.horizon > DID_HORIZON_MAX)) {
    problems.push({
      argument: 'horizon',
      message: `horizon: must be an integer from 1 to ${DID_HORIZON_MAX} years (got ${o.horizon})`,
    });
  }
  if (
    o.controlRankMin != null &&
    (!Number.isFinite(o.controlRankMin) || o.controlRankMin < 0 || o.controlRankMin > 1)
  ) {
    problems.push({
      argument: 'controlRankMin',
      message: `controlRankMin: must be a percent rank from 0 to 1 (got ${o.controlRankMin})`,
    });
  }
  return problems;
}

/** support-v1's §6 parameters with the request's horizon and controlRankMin (checked first). */
export function withDidOverrides(base: SupportParams, o: DidOverrides): SupportParams {
  return {
    ...base,
    did: {
      ...base.did,
      ...(o.horizon != null ? { didHorizon: o.horizon } : {}),
      ...(o.controlRankMin != null ? { didControlRankMin: o.controlRankMin } : {}),
    },
  };
}
