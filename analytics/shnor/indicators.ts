import { ratio, round12 } from '../arithmetic.js';
import { type SchoolYearCounts } from '../frames.js';
import { type MethodologyParams } from '../methodology/params.js';

/** The three pooled shares of METHODOLOGY-V1 §1; null where the share is not defined. */
export interface LowComponents {
  vprLow: number | null;
  ogeLow: number | null;
  egeLow: number | null;
}

/** The shares and the low-results index of one school (or region) in one year. */
export interface LowIndicators extends LowComponents {
  lowIndex: number | null;
}

/** The part of the methodology that the indicators read. */
export type IndicatorParams = Pick<
  MethodologyParams['indicators'],
  'minPooledVpr' | 'minPooledGia' | 'wVpr' | 'wOge' | 'wEge'
>;

/**
 * lowIndex (§1): the weighted mean of the defined components, the weights renormalised over the
 * defined ones, so a school without ЕГЭ graduates is judged on ВПР and ОГЭ alone rather than
 * counted as having no failures in ЕГЭ. Without vprLow there is no index: ВПР is the one
 * assessment every school has, and ranking schools on ГИА alone would compare unlike things.
 * Null also when every defined component weighs 0 (validateParams forbids wVpr = 0, so this is a
 * guard for unvalidated what-if parameters, not a rule).
 */
export function lowIndexOf(components: LowComponents, p: IndicatorParams): number | null {
  const { vprLow, ogeLow, egeLow } = components;
  if (vprLow === null) return null;
  // A lone component is its own weighted mean: exact, and it spares a rounding (the hot spot).
  if (ogeLow === null && egeLow === null) return p.wVpr > 0 ? vprLow : null;
  let weighted = p.wVpr * vprLow;
  let weight = p.wVpr;
  if (ogeLow !== null) {
    weighted += p.wOge * ogeLow;
    weight += p.wOge;
  }
  if (egeLow !== null) {
    weighted += p.wEge * egeLow;
    weight += p.wEge;
  }
  return weight > 0 ? round12(weighted / weight) : null;
}

export type RatioOf = (numerator: number, denominator: number) => number | null;

/**
 * `ratio` remembered per (numerator, denominator) for one computation. round12 costs about 0.2 µs
 * (it formats the number), and counts repeat a lot — ОГЭ/ЕГЭ counts are small — so a country's
 * 80 000 school-years share far fewer distinct ratios than they have rows.
 */
export function memoizedRatio(): RatioOf {
  const cache = new Map<number, number | null>();
  return (numerator, denominator) => {
    // one small-integer key while both fit; otherwise no caching (never hit by real counts)
    if (!(denominator < 32_768 && numerator >= 0 && numerator <= denominator))
      return ratio(numerator, denominator);
    const key = denominator * 32_768 + numerator;
    let value = cache.get(key);
    if (value === undefined) cache.set(key, (value = ratio(numerator, denominator)));
    return value;
  };
}

/** vprLow, ogeLow, egeLow and lowIndex of one school in one year (METHODOLOGY-V1 §1). */
export function schoolLowIndicators(
  row: SchoolYearCounts,
  params: MethodologyParams,
  ratioOf: RatioOf = ratio,
): LowIndicators {
  const p = params.indicators;
  // a share is defined only from the minimum number of participants on: small counts say too little
  const vprLow = row.vprN >= p.minPooledVpr ? ratioOf(row.vprN2, row.vprN) : null;
  const ogeLow = row.ogeN >= p.minPooledGia ? ratioOf(row.ogeN2, row.ogeN) : null;
  const egeLow = row.egeN >= p.minPooledGia ? ratioOf(row.egeBelow, row.egeN) : null;
  const components: LowComponents = { vprLow, ogeLow, egeLow };
  return { vprLow, ogeLow, egeLow, lowIndex: lowIndexOf(components, p) };
}
