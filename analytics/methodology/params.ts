/**
 * The methodology as data (METHODOLOGY-V1.md): every number of the rules is a field here, so a
 * ministry can publish a new version and an analyst can ask "what if" with overrides.
 */

export type ObjectivityPolicy = 'REVIEW' | 'EXCLUDE' | 'IGNORE';
export type RiskDirection = 'HIGH_IS_RISK' | 'LOW_IS_RISK';

/** A (grade, subject) pair of the ВПР core set. */
export interface CoreCell {
  grade: number;
  subject: string;
}

export interface RiskIndicatorParams {
  code: string;
  /** R1 … R10 */
  factor: number;
  direction: RiskDirection;
  /** r = 1 at or beyond cut1, r = 2 at or beyond cut2 (≥ for HIGH_IS_RISK, ≤ for LOW_IS_RISK). */
  cut1: number;
  cut2: number;
  weight: number;
}

export interface MethodologyParams {
  indicators: {
    /** ВПР core set: grades × subjects pooled into vprLow. */
    coreGrades: number[];
    coreSubjects: string[];
    ogeSubjects: string[];
    egeSubjects: string[];
    minPooledVpr: number;
    minPooledGia: number;
    wVpr: number;
    wOge: number;
    wEge: number;
  };
  eligibility: {
    lowRankCut: number;
    objectivityPolicy: ObjectivityPolicy;
  };
  markers: {
    minMarkerN: number;
    highVsRegionQualityGap: number;
    /** School types for which HIGH_VS_REGION is not raised. */
    highVsRegionExemptTypes: string[];
    journalRaisedShare: number;
    cohortSubjects: string[];
    cohortDropMeanMark: number;
    spikeScoreFraction: number;
    spikeShare: number;
  };
  risk: {
    highLevel: number;
    mediumLevel: number;
    priorityCount: number;
    indicators: RiskIndicatorParams[];
  };
  dynamics: {
    trendYears: number;
    zCritical: number;
  };
  context: {
    difficultContextCut: number;
    resilientLowRankMax: number;
    /** Context share codes with their sign in swi (+1: well-being, −1: disadvantage). */
    components: { code: string; sign: 1 | -1 }[];
  };
}

const share = (code: string, factor: number, cut1: number, cut2: number): RiskIndicatorParams => ({
  code,
  factor,
  direction: 'HIGH_IS_RISK',
  cut1,
  cut2,
  weight: 1,
});

/** `default-v1`: the numbers of METHODOLOGY-V1.md, verbatim. */
export const DEFAULT_V1: MethodologyParams = {
  indicators: {
    coreGrades: [4, 5, 6, 7, 8],
    coreSubjects: ['RU', 'MA', 'MAA'],
    ogeSubjects: ['RU', 'MA'],
    egeSubjects: ['RU', 'MAP', 'MAB'],
    minPooledVpr: 20,
    minPooledGia: 5,
    wVpr: 0.5,
    wOge: 0.25,
    wEge: 0.25,
  },
  eligibility: { lowRankCut: 0.9, objectivityPolicy: 'REVIEW' },
  markers: {
    minMarkerN: 10,
    highVsRegionQualityGap: 0.25,
    highVsRegionExemptTypes: ['GYMNASIUM', 'LYCEUM'],
    journalRaisedShare: 0.2,
    cohortSubjects: ['RU', 'MA'],
    cohortDropMeanMark: 0.5,
    spikeScoreFraction: 0.85,
    spikeShare: 0.25,
  },
  risk: {
    highLevel: 0.6,
    mediumLevel: 0.3,
    priorityCount: 3,
    indicators: [
      { code: 'EQ_PC_PER_100', factor: 1, direction: 'LOW_IS_RISK', cut1: 10, cut2: 5, weight: 1 },
      { code: 'EQ_INTERNET_MBPS', factor: 1, direction: 'LOW_IS_RISK', cut1: 50, cut2: 10, weight: 1 },
      { code: 'EQ_LIBRARY', factor: 1, direction: 'LOW_IS_RISK', cut1: 0, cut2: 0, weight: 1 },
      share('ST_VACANCY_RATE', 2, 0.05, 0.15),
      share('ST_NONSPECIALIST_SHARE', 2, 0.1, 0.25),
      share('ST_PENSION_AGE_SHARE', 2, 0.3, 0.5),
      share('TC_NO_TRAINING_3Y_SHARE', 3, 0.2, 0.4),
      share('TC_DIFFICULTY_SHARE', 3, 0.3, 0.5),
      share('AD_RARE_DIFFERENTIATION_SHARE', 4, 0.3, 0.5),
      share('AD_RARE_FORMATIVE_SHARE', 4, 0.3, 0.5),
      share('PD_NO_OBSERVATION_SHARE', 5, 0.4, 0.7),
      share('PD_NO_MENTORING', 5, 1, 1),
      share('SR_TERM_FAIL_SHARE', 6, 0.1, 0.2),
      share('SR_VPR_LOW', 6, 0.1, 0.2),
      share('SR_REPEATERS_SHARE', 6, 0.01, 0.03),
      share('LB_NON_NATIVE_SHARE', 7, 0.1, 0.25),
      share('LB_NO_SUPPORT', 7, 1, 1),
      share('EN_BULLYING_SHARE', 8, 0.15, 0.3),
      share('EN_DISLIKE_SCHOOL_SHARE', 8, 0.3, 0.5),
      share('PA_NEVER_MEETINGS_SHARE', 9, 0.2, 0.4),
      share('PA_NO_CONTACT_SHARE', 9, 0.25, 0.5),
      share('OV_SHARE', 10, 0.1, 0.2),
      share('OV_NO_SPECIALISTS', 10, 1, 1),
    ],
  },
  dynamics: { trendYears: 3, zCritical: 1.96 },
  context: {
    difficultContextCut: 0.25,
    resilientLowRankMax: 0.5,
    components: [
      { code: 'CTX_HIGHER_ED_PARENTS_SHARE', sign: 1 },
      { code: 'CTX_SINGLE_PARENT_SHARE', sign: -1 },
      { code: 'CTX_WATCH_LIST_SHARE', sign: -1 },
      { code: 'CTX_UNEMPLOYED_PARENTS_SHARE', sign: -1 },
      { code: 'CTX_LOW_INCOME_SHARE', sign: -1 },
      { code: 'CTX_NON_NATIVE_SHARE', sign: -1 },
      { code: 'CTX_OVZ_SHARE', sign: -1 },
    ],
  },
};

export const RISK_FACTOR_NAMES_RU: Record<number, string> = {
  1: 'Низкий уровень оснащения школы',
  2: 'Дефицит педагогических кадров',
  3: 'Недостаточная предметная и методическая компетентность педагогических работников',
  4: 'Риски низкой адаптивности учебного процесса',
  5: 'Несформированность внутришкольной системы повышения квалификации',
  6: 'Высокая доля обучающихся с рисками учебной неуспешности',
  7: 'Низкое качество преодоления языковых и культурных барьеров',
  8: 'Пониженный уровень качества школьной образовательной и воспитательной среды',
  9: 'Низкий уровень вовлеченности родителей',
  10: 'Высокая доля обучающихся с ОВЗ',
};
