import { Locality } from '../schema/enums.js';
import {
  CONTEXT_INDICATOR_CODES,
  RISK_INDICATOR_CODES,
  indicatorValueKind,
} from '../schema/indicator-codes.js';
import type { CountryPlan, SchoolPlan } from './model.js';
import { Random, clamp, round } from './random.js';

/**
 * Risk-profile and context indicators (METHODOLOGY-V1 §4, §6) for the last three years of the
 * scale. They follow a risk score that mixes low ability (relative to the region) and a poor social
 * context, so weak schools tend to have more risk and a poorer context, as in real surveys.
 */

export const INDICATOR_COLUMNS = ['school_id', 'year', 'code', 'value'] as const;
export type IndicatorRow = [number, number, string, number];
type Code = (typeof RISK_INDICATOR_CODES)[number] | (typeof CONTEXT_INDICATOR_CODES)[number];

/** Indicator years: the last three of the scale. */
export function indicatorYears(plan: CountryPlan): readonly number[] {
  return plan.years.slice(-3);
}

function values(rng: Random, s: SchoolPlan, risk: number, nonNativeBase: number): Record<Code, number> {
  const z = s.context;
  const n = () => rng.normal();
  const share = (base: number, slope: number, x: number, sd: number) =>
    clamp(base + slope * x + sd * n(), 0, 1);
  const flag = (p: number) => (rng.chance(clamp(p, 0, 1)) ? 1 : 0);
  const village = s.locality === Locality.VILLAGE;
  const nonNative = share(nonNativeBase, nonNativeBase * 0.3, z, nonNativeBase * 0.4 + 0.005);
  const ovz = share(0.06, 0.02, z, 0.025);
  return {
    EQ_PC_PER_100: Math.max(0, 14 - 3.5 * risk + 3 * n()),
    EQ_INTERNET_MBPS: Math.max(0, (village ? 35 : 110) * Math.exp(-0.35 * risk + 0.4 * n())),
    EQ_LIBRARY: flag(0.85 - 0.12 * risk),
    ST_VACANCY_RATE: share(0.05, 0.035, risk, 0.03),
    ST_NONSPECIALIST_SHARE: share(0.1, 0.06, risk, 0.05),
    ST_PENSION_AGE_SHARE: share(village ? 0.3 : 0.22, 0.07, risk, 0.08),
    TC_NO_TRAINING_3Y_SHARE: share(0.15, 0.08, risk, 0.06),
    TC_DIFFICULTY_SHARE: share(0.22, 0.09, risk, 0.08),
    AD_RARE_DIFFERENTIATION_SHARE: share(0.25, 0.1, risk, 0.08),
    AD_RARE_FORMATIVE_SHARE: share(0.24, 0.1, risk, 0.08),
    PD_NO_OBSERVATION_SHARE: share(0.35, 0.12, risk, 0.1),
    PD_NO_MENTORING: flag(0.25 + 0.15 * risk),
    SR_TERM_FAIL_SHARE: share(0.07, 0.05, risk, 0.025),
    SR_REPEATERS_SHARE: share(0.006, 0.006, risk, 0.003),
    LB_NON_NATIVE_SHARE: clamp(nonNative + 0.01 * n(), 0, 1),
    LB_NO_SUPPORT: nonNative > 0 ? flag(0.3 + 0.15 * risk) : 0,
    EN_BULLYING_SHARE: share(0.12, 0.05, risk, 0.04),
    EN_DISLIKE_SCHOOL_SHARE: share(0.25, 0.08, risk, 0.07),
    PA_NEVER_MEETINGS_SHARE: share(0.15, 0.08, risk, 0.06),
    PA_NO_CONTACT_SHARE: share(0.18, 0.09, risk, 0.07),
    OV_SHARE: clamp(ovz + 0.01 * n(), 0, 1),
    OV_NO_SPECIALISTS: flag(village ? 0.55 : 0.2),
    CTX_HIGHER_ED_PARENTS_SHARE: share(0.34, -0.1, z, 0.05),
    CTX_SINGLE_PARENT_SHARE: share(0.2, 0.05, z, 0.04),
    CTX_WATCH_LIST_SHARE: share(0.02, 0.012, z, 0.008),
    CTX_UNEMPLOYED_PARENTS_SHARE: share(0.08, 0.045, z, 0.025),
    CTX_LOW_INCOME_SHARE: share(0.16, 0.08, z, 0.04),
    CTX_NON_NATIVE_SHARE: nonNative,
    CTX_OVZ_SHARE: ovz,
  };
}

const CODES: readonly Code[] = [...RISK_INDICATOR_CODES, ...CONTEXT_INDICATOR_CODES];

export function* indicatorRows(plan: CountryPlan): Generator<IndicatorRow> {
  const years = indicatorYears(plan);
  const offset = plan.years.length - years.length;
  const regionById = new Map(plan.regions.map((r) => [r.id, r]));
  for (const school of plan.schools) {
    const rng = new Random(plan.seed, 40, school.id);
    const region = regionById.get(school.regionId);
    const regionEffect = region?.effect ?? 0;
    const rows: IndicatorRow[] = [];
    years.forEach((year, i) => {
      // Risk: ability below the region (÷ 0.3 ≈ one school SD) and social disadvantage, about N(0, 1).
      const relative = ((school.ability[offset + i] ?? 0) - regionEffect) / 0.3;
      const risk = -0.6 * relative + 0.4 * school.context + 0.3 * rng.normal();
      const v = values(rng, school, risk, region?.nonNative ?? 0.03);
      for (const code of CODES) {
        const raw = v[code];
        const kind = indicatorValueKind(code);
        const value =
          kind === 'FLAG' ? raw : kind === 'SHARE' ? round(clamp(raw, 0, 1), 4) : round(Math.max(0, raw), 2);
        rows.push([school.id, year, code, value]);
      }
    });
    yield* rows;
  }
}
