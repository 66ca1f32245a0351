import { COHORT_FIRST_GRADE, COHORT_OGE_GRADE, cohortPath } from '../../../analytics/dynamics/index.js';
import { type MethodologyOverrides } from '../../../analytics/methodology/overrides.js';
import { Subject } from '../../../schema/enums.js';
import { type Context } from '../../context.js';
import { badUserInput } from '../../errors.js';
import {
  checkEach,
  checkSubject,
  checkVprGrade,
  checkVprSubjectGrade,
  checkYear,
} from '../../graphql/inputs/validate.js';
import { methodologyView } from './candidate-view.js';
import {
  cohortSteps,
  dynamicsOf,
  findScopedSchool,
  MARK_INDICATORS,
  newestYear,
  type SeriesArgs,
} from './dynamics.service.js';
import { resolveMethodology } from './methodology.js';

interface MethodologyChoice {
  methodology: string;
  overrides?: MethodologyOverrides | null;
}

const COHORT_SUBJECTS: readonly Subject[] = [Subject.RU, Subject.MA];

/** dynamics: one indicator of a school, municipality or region by year (METHODOLOGY-V1 §5). */
export async function dynamicsQuestion(ctx: Context, q: MethodologyChoice & SeriesArgs) {
  const { entity, id, indicator, years, grade, subject } = q;
  checkEach('years', years, checkYear);
  // the §1 low shares have fixed subject sets: a slice would silently mean something else
  for (const [argument, value] of [
    ['grade', grade],
    ['subject', subject],
  ] as const) {
    if (value !== null && value !== undefined && !MARK_INDICATORS.has(indicator))
      throw badUserInput(argument, `${argument}: only SHARE2, QUALITY and MEAN_MARK take a ВПР slice`);
  }
  checkVprGrade('grade', grade);
  checkSubject('subject', 'VPR', subject);
  checkVprSubjectGrade('subject', subject, grade);
  const m = await resolveMethodology(ctx, q.methodology, q.overrides, ctx);
  const args = { entity, id, indicator, years: years ? [...new Set(years)] : null, grade, subject };
  const { name, points } = await dynamicsOf(ctx, m.params, args);
  return { entity, id, name, indicator, methodology: methodologyView(m), points };
}

/** cohort: grade g in y, g + 1 in y + 1, … ВПР to grade 8, then ОГЭ in grade 9 (§5). */
export async function cohortQuestion(
  ctx: Context,
  q: MethodologyChoice & { schoolCode: string; subject: Subject; startYear: number; startGrade: number },
) {
  const { subject, startYear, startGrade } = q;
  if (!COHORT_SUBJECTS.includes(subject))
    throw badUserInput('subject', `subject: a cohort follows RU or MA (got ${subject})`);
  checkYear('startYear', startYear);
  if (!Number.isInteger(startGrade) || startGrade < COHORT_FIRST_GRADE || startGrade > COHORT_OGE_GRADE)
    throw badUserInput(
      'startGrade',
      `startGrade: must be ${COHORT_FIRST_GRADE} … ${COHORT_OGE_GRADE} (got ${startGrade})`,
    );
  const m = await resolveMethodology(ctx, q.methodology, q.overrides, ctx);
  const school = await findScopedSchool(ctx, 'schoolCode', q.schoolCode);
  const lastYear = await newestYear(ctx.db, m.params);
  if (lastYear === null || startYear > lastYear)
    throw badUserInput('startYear', `startYear: no data from ${startYear} on (newest year ${lastYear})`);
  const steps = await cohortSteps(ctx.db, school, subject, cohortPath(startYear, startGrade, lastYear));
  return { school, subject, startYear, startGrade, methodology: methodologyView(m), steps };
}
