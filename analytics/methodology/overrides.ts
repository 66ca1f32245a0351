import { type MethodologyParams, type RiskIndicatorParams } from './params.js';

/** A what-if: any subset of the parameters; risk indicators are overridden by code. */
export type DeepPartial<T> = T extends (infer U)[]
  ? U[]
  : T extends object
    ? { [K in keyof T]?: DeepPartial<T[K]> }
    : T;

export interface MethodologyOverrides extends DeepPartial<Omit<MethodologyParams, 'risk'>> {
  risk?: DeepPartial<Omit<MethodologyParams['risk'], 'indicators'>> & {
    indicators?: (Partial<RiskIndicatorParams> & { code: string })[];
  };
}

function mergeSection<T extends object>(base: T, over: Partial<T> | undefined): T {
  if (!over) return base;
  const out = { ...base };
  for (const [key, value] of Object.entries(over) as [keyof T, T[keyof T] | undefined][]) {
    if (value !== undefined && value !== null) out[key] = value;
  }
  return out;
}

/** The effective parameters: base with every given override applied (arrays replace, indicators merge by code). */
export function applyOverrides(
  base: MethodologyParams,
  overrides: MethodologyOverrides | null | undefined,
): MethodologyParams {
  if (!overrides) return base;
  const indicators = overrides.risk?.indicators;
  const byCode = new Map(indicators?.map((i) => [i.code, i]));
  const riskIndicators = base.risk.indicators.map((i) => ({ ...i, ...stripUndefined(byCode.get(i.code)) }));
  for (const extra of indicators ?? []) {
    if (!base.risk.indicators.some((i) => i.code === extra.code))
      riskIndicators.push(extra as RiskIndicatorParams);
  }
  return {
    indicators: mergeSection(
      base.indicators,
      overrides.indicators as Partial<MethodologyParams['indicators']>,
    ),
    eligibility: mergeSection(base.eligibility, overrides.eligibility),
    markers: mergeSection(base.markers, overrides.markers as Partial<MethodologyParams['markers']>),
    risk: {
      ...mergeSection(base.risk, { ...overrides.risk, indicators: undefined }),
      indicators: riskIndicators,
    },
    dynamics: mergeSection(base.dynamics, overrides.dynamics),
    context: mergeSection(base.context, overrides.context as Partial<MethodologyParams['context']>),
  };
}

function stripUndefined<T extends object>(value: T | undefined): Partial<T> {
  if (!value) return {};
  return Object.fromEntries(
    Object.entries(value).filter(([, v]) => v !== undefined && v !== null),
  ) as Partial<T>;
}
