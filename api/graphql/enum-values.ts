import { LOCALITY_NAMES_RU, SCHOOL_TYPE_NAMES_RU, SUBJECT_NAMES_RU } from '../../schema/enums.js';

/**
 * What every enum value of the API means, in one place (every value carries a description: the
 * IDE and the codegen output show it; tests/contracts/enum-descriptions.test.ts checks none is left).
 */
const place = (kind: string) => ({
  REGION: `Субъект РФ / region${kind}`,
  MUNICIPALITY: `Муниципалитет / municipality${kind}`,
});

const DESCRIPTIONS: Record<string, Record<string, string>> = {
  Subject: SUBJECT_NAMES_RU,
  SchoolType: SCHOOL_TYPE_NAMES_RU,
  Locality: LOCALITY_NAMES_RU,
  SchoolOrder: { CODE: 'By school code (логин ОО), ascending', NAME: 'By school name, ascending' },
  StatisticsDimension: {
    ...place(''),
    SCHOOL: 'Школа / school (not for the public viewer)',
    YEAR: 'Год / year',
    GRADE: 'Класс / grade',
    SUBJECT: 'Предмет / subject',
  },
  GiaExam: { OGE: 'ОГЭ, grade 9', EGE: 'ЕГЭ, grade 11' },
  CohortExam: { VPR: 'ВПР, grades 4–8', OGE: 'ОГЭ, grade 9' },
  DynamicsEntity: {
    SCHOOL: 'A school, `id` is its code (логин ОО)',
    MUNICIPALITY: 'A municipality, `id` is its id',
    REGION: 'A region, `id` is its code (e.g. «56»)',
  },
  ImportStatus: {
    ACCEPTED: 'Принят: every row valid, stored in one transaction',
    REJECTED: 'Отклонён: the file was refused whole, nothing stored; `errors` lists why',
  },
  ObjectivityPolicy: {
    REVIEW: 'A low school with an objectivity marker on a core grade-subject is REVIEW (a person decides)',
    EXCLUDE: 'Such a school is NOT_ELIGIBLE',
    IGNORE: 'Markers are not considered: such a school is ELIGIBLE',
  },
  RiskDirection: {
    HIGH_IS_RISK: 'A value at or above the cut-off is a risk (e.g. a share of «2»)',
    LOW_IS_RISK: 'A value at or below the cut-off is a risk (e.g. a share of qualified teachers)',
  },
  RiskLevel: {
    HIGH: 'Score at or above highLevel: a priority risk',
    MEDIUM: 'Score at or above mediumLevel',
    LOW: 'Score below mediumLevel',
    NO_DATA: 'No indicator of the factor has a value for this school and year',
  },
  PlaceGroupBy: place(''),
  CandidateOrder: {
    LOW_RANK_DESC: 'By the rank of lowIndex in the list year, worst first',
    LOW_INDEX_DESC: 'By lowIndex in the list year, worst first',
  },
  ShnorStatus: {
    ELIGIBLE: 'Low in the list year and the year before, no objectivity marker: goes on the list',
    REVIEW: 'Low in both years, but a core grade-subject carries an objectivity marker: a person decides',
    NOT_ELIGIBLE: 'Not low in both years (or excluded by the objectivity policy)',
    INSUFFICIENT_DATA:
      'Not ranked in the list year or the year before (no ВПР share of «2»), or no results at all: a registry school that took no part is listed with this status',
  },
  StatusRule: {
    NO_RESULTS:
      'INSUFFICIENT_DATA: no results of ВПР, ОГЭ or ЕГЭ (in the methodology’s subjects) in either year',
    NOT_RANKED_BOTH_YEARS: 'INSUFFICIENT_DATA: results, but too few ВПР participants to rank in both years',
    NOT_RANKED_LIST_YEAR: 'INSUFFICIENT_DATA: not ranked in the list year y',
    NOT_RANKED_PREVIOUS_YEAR: 'INSUFFICIENT_DATA: ranked in y, not in y − 1',
    NOT_LOW: 'NOT_ELIGIBLE: ranked both years, not low in at least one',
    LOW_TWICE: 'ELIGIBLE: low in y and y − 1, no objectivity marker on a core grade-subject',
    LOW_TWICE_MARKED_REVIEW: 'REVIEW: low twice with a marker, policy REVIEW',
    LOW_TWICE_MARKED_EXCLUDED: 'NOT_ELIGIBLE: low twice with a marker, policy EXCLUDE',
    LOW_TWICE_MARKED_IGNORED: 'ELIGIBLE: low twice with a marker, policy IGNORE',
  },
  ShnorListStatus: {
    DRAFT: 'Черновик: decisions may change',
    APPROVED: 'Утверждён: frozen; EXIT candidates of the next year count from it',
    PUBLISHED: 'Опубликован: approved and made public',
  },
  ShnorListDecision: {
    INCLUDE: 'Include the school, whatever its status (with a justification)',
    EXCLUDE: 'Leave the school out, whatever its status (with a justification)',
  },
};

/** type-graphql's `valuesConfig` for an enum of the API, from the table above. */
export function describedValues(name: string): Record<string, { description: string }> {
  const values = DESCRIPTIONS[name];
  if (!values) throw new Error(`no value descriptions for enum ${name} (api/graphql/enum-values.ts)`);
  return Object.fromEntries(Object.entries(values).map(([k, description]) => [k, { description }]));
}
