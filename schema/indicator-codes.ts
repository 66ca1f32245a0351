/**
 * Indicator codes that may be stored per school × year (METHODOLOGY-V1.md §4, DATA-FORMATS.md).
 * SR_VPR_LOW is computed from ВПР results and never stored.
 */
export const RISK_INDICATOR_CODES = [
  'EQ_PC_PER_100',
  'EQ_INTERNET_MBPS',
  'EQ_LIBRARY',
  'ST_VACANCY_RATE',
  'ST_NONSPECIALIST_SHARE',
  'ST_PENSION_AGE_SHARE',
  'TC_NO_TRAINING_3Y_SHARE',
  'TC_DIFFICULTY_SHARE',
  'AD_RARE_DIFFERENTIATION_SHARE',
  'AD_RARE_FORMATIVE_SHARE',
  'PD_NO_OBSERVATION_SHARE',
  'PD_NO_MENTORING',
  'SR_TERM_FAIL_SHARE',
  'SR_REPEATERS_SHARE',
  'LB_NON_NATIVE_SHARE',
  'LB_NO_SUPPORT',
  'EN_BULLYING_SHARE',
  'EN_DISLIKE_SCHOOL_SHARE',
  'PA_NEVER_MEETINGS_SHARE',
  'PA_NO_CONTACT_SHARE',
  'OV_SHARE',
  'OV_NO_SPECIALISTS',
] as const;

export const CONTEXT_INDICATOR_CODES = [
  'CTX_HIGHER_ED_PARENTS_SHARE',
  'CTX_SINGLE_PARENT_SHARE',
  'CTX_WATCH_LIST_SHARE',
  'CTX_UNEMPLOYED_PARENTS_SHARE',
  'CTX_LOW_INCOME_SHARE',
  'CTX_NON_NATIVE_SHARE',
  'CTX_OVZ_SHARE',
] as const;

export const FLAG_INDICATOR_CODES = [
  'EQ_LIBRARY',
  'PD_NO_MENTORING',
  'LB_NO_SUPPORT',
  'OV_NO_SPECIALISTS',
] as const;

export const STORED_INDICATOR_CODES: readonly string[] = [
  ...RISK_INDICATOR_CODES,
  ...CONTEXT_INDICATOR_CODES,
];

export type IndicatorValueKind = 'SHARE' | 'FLAG' | 'NUMBER';

/** The value range rule of DATA-FORMATS.md: shares in [0, 1], flags 0/1, other numbers ≥ 0. */
export function indicatorValueKind(code: string): IndicatorValueKind {
  if ((FLAG_INDICATOR_CODES as readonly string[]).includes(code)) return 'FLAG';
  if (code.endsWith('_SHARE') || code.endsWith('_RATE')) return 'SHARE';
  return 'NUMBER';
}
