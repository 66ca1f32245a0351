/**
 * The support system as data (SUPPORT-V1.md): every number and list of its rules is a field here,
 * so a region can publish a new version and a request can override a parameter. `support-v1` is
 * {@link SUPPORT_V1}; the stored version carries these values and results name it.
 *
 * Kept out of the parameters on purpose: the Russian grammar of deadlines (month forms, roman
 * quarter numerals, the `-` / `,` / `и` separators of MONTHS, the «в течение» and «в» prefixes)
 * and the enumerations of the model (roles, kinds, stages), which are language and schema rather
 * than policy.
 */

export type DiagnosticStage = 'ENTRANCE' | 'INTERMEDIATE' | 'FINAL';
export type DiagnosticSubject = 'RU' | 'MA';
/** §1 SchoolDocument kinds; in §5 `required`, `ANTI_RISK_PROGRAMME` expands to one `ANTI_RISK_PROGRAMME:Rk` per priority risk. */
export type SchoolDocumentKind =
  | 'CONCEPT'
  | 'MEDIUM_TERM_PROGRAMME'
  | 'ANTI_RISK_PROGRAMME'
  | 'FAILING_STUDENTS_PLAN'
  | 'TEACHER_DEVELOPMENT_PLAN';

/** §3 step 1: the header roles, each found by the first free cell containing one of its markers. */
export interface HeaderMarkers {
  /** A cell that starts with one of these. */
  number: string[];
  /** The rest: a cell that contains one of these (case-insensitive, ё = е). */
  deadline: string[];
  executors: string[];
  title: string[];
  /** Optional column. */
  result: string[];
}

export interface SupportParams {
  /** §1 Model and scope: the bounds of the entities. */
  model: {
    /** §1 WorkingGroup: exactly this many `CHAIR` members. */
    chairsPerGroup: number;
    /** §1 WorkingGroup: at most this many `SECRETARY` members. */
    secretariesPerGroupMax: number;
    /** §1 Mmc: at most this many ММЦ per municipality on a date. */
    mmcPerMunicipalityMax: number;
    /** §1 Diagnostic: grade 1–11. */
    diagnosticGradeMin: number;
    diagnosticGradeMax: number;
    /** §1 Diagnostic: N ≥ 1. */
    diagnosticMinN: number;
    /** §1 Event: participants ≥ 0. */
    eventMinParticipants: number;
    /** §1 ActivityReport: evidenceUrl (http/https). */
    evidenceUrlSchemes: string[];
  };
  /** §2 Deadlines. Texts are compared after normalisation (normaliseDeadline), both sides. */
  deadlines: {
    /** §2 Normalise: `года|год|гг.|гг|г.|г`, deleted after a 4-digit year. */
    yearSuffixes: string[];
    /** §2 WHOLE_PERIOD: start periodStart, due periodEnd. */
    wholePeriodTexts: string[];
    /** §2 NO_DUE: no start, no due, never overdue. */
    noDueTexts: string[];
    /** §2 PERIOD_YEAR: «в течение года». */
    periodYearTexts: string[];
    /** §2 SCHOOL_YEAR (the school year in progress at periodStart): «в течение учебного года». */
    schoolYearTexts: string[];
    /** §2 SCHOOL_YEAR: the school year runs from the 1st of this month (1 Sep … 31 Aug). */
    schoolYearStartMonth: number;
    /** §2 DATE: «до» / «не позднее» before a date make start = periodStart (§3 step 7: the date counts for the period). */
    dateBeforePrefixes: string[];
  };
  /** §3 Import of a pasted roadmap table. */
  import: {
    /** §3 step 1: header roles. */
    headerMarkers: HeaderMarkers;
    /** §3 step 2: a row whose non-empty cells are exactly 1, 2, …, k with k ≥ this is `COLUMN_NUMBERS`. */
    columnNumbersMin: number;
    /** §3 step 2: a TAB-less page number has 1 … this many digits (`^[\s–—-]*\d{1,4}[\s–—-]*$`). */
    pageNumberMaxDigits: number;
    /** §3 step 4: an activity number is `^\d{1,3}(\.\d{1,3})*\.?$`: groups of 1 … this many digits. */
    activityNumberMaxDigits: number;
    /** §3 step 5: executors split at «,» and «;». */
    executorSeparators: string[];
    /** §3 step 6: an executor equal to one of these, or beginning with one followed by a space, needs school reports. */
    schoolExecutors: string[];
  };
  /** §4 Partner suggestions. */
  partners: {
    /** §4: lowRank(p, y) ≤ this (the same set as lowIndex ≤ PERCENTILE_CONT(0.25) of (r, y)). */
    partnerRankMax: number;
    /** §4: |swi(p, y) − swi(s, y)| ≤ this, only when both are defined. */
    partnerSwiMaxDistance: number;
    /** §4: at most this many candidates returned. */
    partnerMax: number;
  };
  /** §5 Execution monitoring. */
  monitoring: {
    /** §5 Local diagnostics: the subjects reported («for RU and MA»). */
    diagSubjects: DiagnosticSubject[];
    /** §5 `diagStages`: (from, to) pooled over the grades present in both; change = share2(to) − share2(from). */
    diagStages: [DiagnosticStage, DiagnosticStage];
    /** §5 `minDiagN`: share2 is defined when ΣN ≥ this. */
    minDiagN: number;
    /** §5 `required` documents of (s, y), in order. */
    requiredDocuments: SchoolDocumentKind[];
    /** §5: lowIndex(s, y) against lowIndex(s, y + this). */
    lowIndexHorizon: number;
  };
  /** §6 Effect of support (difference-in-differences). */
  did: {
    /** §6 `didControlRankMin`: controls have lowRank(s, y) ≥ this. */
    didControlRankMin: number;
    /** §6 `didHorizon`: k in Δs = lowIndex(s, y + k) − lowIndex(s, y). */
    didHorizon: number;
    /** §6 `didZ`: the 95 % interval DiD ± didZ · SE. */
    didZ: number;
    /** §6 `didMinGroup`: undefined when nT or nC < this. */
    didMinGroup: number;
    /** §6: roots computed exactly to this many digits. */
    didRootDigits: number;
    /** §6: figures reported at this many decimals (METHODOLOGY-V1 §7). */
    didReportDecimals: number;
  };
}

/** The name of the stored version whose parameters are {@link SUPPORT_V1}. */
export const SUPPORT_VERSION = 'support-v1';

/** `support-v1`: the numbers and lists of SUPPORT-V1.md, verbatim. */
export const SUPPORT_V1: SupportParams = {
  model: {
    chairsPerGroup: 1,
    secretariesPerGroupMax: 1,
    mmcPerMunicipalityMax: 1,
    diagnosticGradeMin: 1,
    diagnosticGradeMax: 11,
    diagnosticMinN: 1,
    eventMinParticipants: 0,
    evidenceUrlSchemes: ['http', 'https'],
  },
  deadlines: {
    yearSuffixes: ['года', 'год', 'гг.', 'гг', 'г.', 'г'],
    wholePeriodTexts: [
      'в течение всего периода',
      'в течение периода',
      'весь период',
      'постоянно',
      'ежемесячно',
      'ежеквартально',
      'еженедельно',
    ],
    noDueTexts: ['по отдельному плану', 'по плану', 'по графику', 'по мере необходимости'],
    periodYearTexts: ['в течение года'],
    schoolYearTexts: ['в течение учебного года'],
    schoolYearStartMonth: 9,
    dateBeforePrefixes: ['до', 'не позднее'],
  },
  import: {
    headerMarkers: {
      number: ['№'],
      deadline: ['срок'],
      executors: ['ответствен', 'исполнител'],
      title: ['наименование', 'мероприят', 'содержание'],
      result: ['результат'],
    },
    columnNumbersMin: 3,
    pageNumberMaxDigits: 4,
    activityNumberMaxDigits: 3,
    executorSeparators: [',', ';'],
    schoolExecutors: [
      'руководители оо',
      'руководитель оо',
      'оо',
      'общеобразовательные организации',
      'образовательные организации',
      'школы',
    ],
  },
  partners: { partnerRankMax: 0.25, partnerSwiMaxDistance: 0.5, partnerMax: 5 },
  monitoring: {
    diagSubjects: ['RU', 'MA'],
    diagStages: ['ENTRANCE', 'INTERMEDIATE'],
    minDiagN: 10,
    requiredDocuments: ['CONCEPT', 'MEDIUM_TERM_PROGRAMME', 'ANTI_RISK_PROGRAMME', 'FAILING_STUDENTS_PLAN'],
    lowIndexHorizon: 1,
  },
  did: {
    didControlRankMin: 0.75,
    didHorizon: 1,
    didZ: 1.96,
    didMinGroup: 3,
    didRootDigits: 50,
    didReportDecimals: 12,
  },
};
