import { round12 } from '../arithmetic.js';
import { type SchoolYearIndicators } from '../frames.js';
import { type MethodologyParams } from '../methodology/params.js';
import { percentRanksBy } from '../percent-rank.js';
import { componentStatsByRegionYear, contextValueOf, regionYearKey } from './region-stats.js';

export type ContextParams = Pick<MethodologyParams, 'context'>;

/** One context share of a school with its signed within-(region, year) z-score. */
export interface ContextComponentScore {
  code: string;
  value: number;
  sign: 1 | -1;
  /** sign · (value − mean) / SD, rounded to 12 decimals */
  z: number;
}

export interface SocialWellbeing {
  schoolId: number;
  regionId: number;
  year: number;
  /** индекс социального благополучия: mean of `components[].z`, rounded; null when no component counts */
  swi: number | null;
  /** PERCENT_RANK of swi ascending within (region, year) among schools with a swi */
  swiRank: number | null;
  /** ШНСУ: swiRank ≤ difficultContextCut; null when swi is undefined */
  difficultContext: boolean | null;
  /** The components that entered swi (present for the school, ≥ 2 values and SD > 0 in its region-year). */
  components: ContextComponentScore[];
}

/**
 * swi and ШНСУ per (school, year), METHODOLOGY-V1 §6. Each component is standardised within
 * (region, year) so that regions with different social structure are not compared with each other;
 * a component that does not vary there (fewer than 2 values, or SD 0 after rounding) carries no
 * information and is left out rather than dividing by zero.
 */
export function socialWellbeing(
  rows: readonly SchoolYearIndicators[],
  params: ContextParams,
): SocialWellbeing[] {
  const components = params.context.components;
  const stats = componentStatsByRegionYear(
    rows,
    components.map((c) => c.code),
  );

  const out: SocialWellbeing[] = rows.map((row) => {
    const regionStats = stats.get(regionYearKey(row.regionId, row.year));
    const scores: ContextComponentScore[] = [];
    components.forEach(({ code, sign }, k) => {
      const value = contextValueOf(row, code);
      const s = regionStats?.[k];
      if (value === null || !s?.usable) return;
      scores.push({
        code,
        value,
        sign,
        z: round12((sign * (value - (s.mean as number))) / (s.sd as number)),
      });
    });
    const swi = scores.length > 0 ? round12(scores.reduce((sum, c) => sum + c.z, 0) / scores.length) : null;
    return {
      schoolId: row.schoolId,
      regionId: row.regionId,
      year: row.year,
      swi,
      swiRank: null,
      difficultContext: null,
      components: scores,
    };
  });

  // least well-off first: rank 0 is the lowest swi of the region-year
  const ranked = out.filter((w) => w.swi !== null);
  const ranks = percentRanksBy(
    ranked,
    (w) => regionYearKey(w.regionId, w.year),
    (w) => w.swi as number,
  );
  const cut = round12(params.context.difficultContextCut);
  ranked.forEach((w, i) => {
    const rank = ranks[i] as number;
    w.swiRank = rank;
    w.difficultContext = rank <= cut;
  });
  return out;
}

/**
 * Resilient school (§6): a difficult social context and yet results outside the low tail —
 * lowRank ≤ resilientLowRankMax — with no objectivity marker on a core (grade, subject) this year,
 * so that good results under a difficult context are not just unreliable ones. False when swi
 * (difficultContext null) or lowRank is undefined: resilience cannot be shown without both.
 */
export function resilient(
  difficultContext: boolean | null,
  lowRank: number | null,
  coreMarkedThisYear: boolean,
  params: ContextParams,
): boolean {
  if (difficultContext !== true || lowRank === null) return false;
  return round12(lowRank) <= round12(params.context.resilientLowRankMax) && !coreMarkedThisYear;
}
