import { round12 } from '../arithmetic.js';
import { type SchoolYearIndicators } from '../frames.js';
import {
  type MethodologyParams,
  type RiskDirection,
  type RiskIndicatorParams,
  RISK_FACTOR_NAMES_RU,
} from '../methodology/params.js';
import { type IndicatorRisk, indicatorRisk } from './indicator-risk.js';

/** The computed risk indicator that takes the school's vprLow of the same year (never imported). */
export const SR_VPR_LOW = 'SR_VPR_LOW';

export type RiskLevel = 'HIGH' | 'MEDIUM' | 'LOW' | 'NO_DATA';

export interface RiskIndicatorResult {
  code: string;
  value: number;
  risk: IndicatorRisk;
  cut1: number;
  cut2: number;
  direction: RiskDirection;
  /** Carried so the score can be re-derived from the evidence alone. */
  weight: number;
}

export interface RiskFactorResult {
  /** R1 … R10 */
  factor: number;
  nameRu: string;
  /** Σ w r / (2 Σ w) over the indicators with a value, rounded to 12 decimals; null when none has one. */
  score: number | null;
  level: RiskLevel;
  /** Only the indicators that have a value for (s, y): the others are left out of the factor (§4). */
  indicators: RiskIndicatorResult[];
}

export interface RiskProfile {
  schoolId: number;
  year: number;
  /** Every factor, in numeric order; a factor without any value is NO_DATA. */
  factors: RiskFactorResult[];
  /** Up to `priorityCount` factor numbers, highest score first, ties by factor number. */
  priorityRisks: number[];
}

export type RiskParams = Pick<MethodologyParams, 'risk'>;

interface CompiledRisk {
  /** R1 … R10 plus any factor an overriding parameter set names, in numeric order, with its indicators. */
  factors: { factor: number; nameRu: string; indicators: RiskIndicatorParams[] }[];
  highLevel: number;
  mediumLevel: number;
}

/**
 * The parameter-only part of a profile, worked out once per parameter set rather than per school.
 * Keyed by identity: parameter sets are values (applyOverrides builds new objects, never edits).
 */
const compiledCache = new WeakMap<MethodologyParams['risk'], CompiledRisk>();

function compile(risk: MethodologyParams['risk']): CompiledRisk {
  const cached = compiledCache.get(risk);
  if (cached) return cached;
  const numbers = new Set<number>(Object.keys(RISK_FACTOR_NAMES_RU).map(Number));
  for (const ind of risk.indicators) numbers.add(ind.factor);
  const compiled: CompiledRisk = {
    factors: [...numbers]
      .sort((a, b) => a - b)
      .map((factor) => ({
        factor,
        nameRu: RISK_FACTOR_NAMES_RU[factor] ?? `R${factor}`,
        indicators: risk.indicators.filter((i) => i.factor === factor),
      })),
    highLevel: round12(risk.highLevel),
    mediumLevel: round12(risk.mediumLevel),
  };
  compiledCache.set(risk, compiled);
  return compiled;
}

/**
 * round12 of a factor score, memoised: with a handful of indicators per factor and r ∈ {0, 1, 2}
 * there are only a few dozen distinct raw scores in a country, and round12 (toPrecision) is the
 * dominant cost of a profile. Bounded so that odd weights cannot grow it without limit.
 */
const scoreRounding = new Map<number, number>();
function roundScore(raw: number): number {
  let rounded = scoreRounding.get(raw);
  if (rounded === undefined) {
    if (scoreRounding.size >= 4096) scoreRounding.clear();
    rounded = round12(raw);
    scoreRounding.set(raw, rounded);
  }
  return rounded;
}

function levelOf(score: number | null, compiled: CompiledRisk): RiskLevel {
  if (score === null) return 'NO_DATA';
  if (score >= compiled.highLevel) return 'HIGH';
  if (score >= compiled.mediumLevel) return 'MEDIUM';
  return 'LOW';
}

/** The value of one risk indicator for (s, y); SR_VPR_LOW comes from vprLow, never from the stored set. */
function valueOf(code: string, indicators: SchoolYearIndicators, vprLow: number | null): number | null {
  const v = code === SR_VPR_LOW ? vprLow : indicators.values[code];
  return v !== null && v !== undefined && Number.isFinite(v) ? v : null;
}

/** The risk profile of one school in one year (METHODOLOGY-V1 §4). */
export function riskProfile(
  indicators: SchoolYearIndicators,
  vprLow: number | null,
  params: RiskParams,
): RiskProfile {
  const compiled = compile(params.risk);
  const factors = compiled.factors.map(({ factor, nameRu, indicators: defs }): RiskFactorResult => {
    const present: RiskIndicatorResult[] = [];
    let weighted = 0;
    let weights = 0;
    for (const ind of defs) {
      const value = valueOf(ind.code, indicators, vprLow);
      if (value === null) continue; // left out of its factor (§4)
      const risk = indicatorRisk(value, ind);
      present.push({
        code: ind.code,
        value,
        risk,
        cut1: ind.cut1,
        cut2: ind.cut2,
        direction: ind.direction,
        weight: ind.weight,
      });
      weighted += ind.weight * risk;
      weights += ind.weight;
    }
    // weights > 0 is guaranteed by validateParams, so an empty list is the only way to have no score
    const score = present.length > 0 ? roundScore(weighted / (2 * weights)) : null;
    return { factor, nameRu, score, level: levelOf(score, compiled), indicators: present };
  });
  return {
    schoolId: indicators.schoolId,
    year: indicators.year,
    factors,
    priorityRisks: priorityRisks(factors, params),
  };
}

/** Top `priorityCount` factors with level ≥ MEDIUM by score, ties by factor number as a number (R2 before R10). */
export function priorityRisks(factors: readonly RiskFactorResult[], params: RiskParams): number[] {
  return factors
    .filter((f) => f.level === 'HIGH' || f.level === 'MEDIUM')
    .sort((a, b) => (b.score as number) - (a.score as number) || a.factor - b.factor)
    .slice(0, params.risk.priorityCount)
    .map((f) => f.factor);
}
