import { Arg, Args, Ctx, Int, Query, Resolver } from 'type-graphql';
import { COHORT_FIRST_GRADE, COHORT_OGE_GRADE, cohortPath } from '../../../analytics/dynamics/index.js';
import { Subject } from '../../../schema/enums.js';
import { type Context } from '../../context.js';
import { badUserInput } from '../../errors.js';
import { methodologyView } from '../../services/analytics/candidate-view.js';
import {
  cohortSteps,
  dynamicsOf,
  findScopedSchool,
  MARK_INDICATORS,
  newestYear,
} from '../../services/analytics/dynamics.service.js';
import { resolveMethodology } from '../../services/analytics/methodology.js';
import { MethodologyArgs } from '../inputs/methodology.args.js';
import {
  checkEach,
  checkSubject,
  checkVprGrade,
  checkVprSubjectGrade,
  checkYear,
} from '../inputs/validate.js';
import {
  Cohort,
  DynamicsEntity,
  DynamicsIndicator,
  DynamicsSeries,
} from '../types/analytics/dynamics.types.js';

const COHORT_SUBJECTS: readonly Subject[] = [Subject.RU, Subject.MA];

@Resolver()
export class DynamicsResolver {
  @Query(() => DynamicsSeries, {
    description:
      'An indicator of a school, municipality or region by year with delta, 3-year trend and z-test ([METHODOLOGY-V1 §5](/docs/methodology#dynamics))',
  })
  async dynamics(
    @Ctx() ctx: Context,
    @Args(() => MethodologyArgs) { methodology, overrides }: MethodologyArgs,
    @Arg('entity', () => DynamicsEntity) entity: DynamicsEntity,
    @Arg('id', () => String, { description: 'School code, municipality id or region code' }) id: string,
    @Arg('indicator', () => DynamicsIndicator) indicator: DynamicsIndicator,
    @Arg('years', () => [Int], { nullable: true, description: 'Default: every year with data' })
    years?: number[] | null,
    @Arg('grade', () => Int, { nullable: true, description: 'ВПР grade (SHARE2, QUALITY, MEAN_MARK only)' })
    grade?: number | null,
    @Arg('subject', () => Subject, {
      nullable: true,
      description: 'ВПР subject (SHARE2, QUALITY, MEAN_MARK only)',
    })
    subject?: Subject | null,
  ) {
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
    const m = await resolveMethodology(ctx.db, methodology, overrides, ctx);
    const uniqueYears = years ? [...new Set(years)] : null;
    const args = { entity, id, indicator, years: uniqueYears, grade, subject };
    const { name, points } = await dynamicsOf(ctx, m.params, args);
    return { entity, id, name, indicator, methodology: methodologyView(m), points };
  }

  @Query(() => Cohort, {
    description: 'A school’s cohort: grade g in y, g + 1 in y + 1, … ВПР to grade 8, ОГЭ in grade 9 (§5)',
  })
  async cohort(
    @Ctx() ctx: Context,
    @Args(() => MethodologyArgs) { methodology, overrides }: MethodologyArgs,
    @Arg('schoolCode', () => String) schoolCode: string,
    @Arg('subject', () => Subject, { description: 'RU or MA' }) subject: Subject,
    @Arg('startYear', () => Int) startYear: number,
    @Arg('startGrade', () => Int, { defaultValue: COHORT_FIRST_GRADE })
    startGrade: number = COHORT_FIRST_GRADE,
  ) {
    if (!COHORT_SUBJECTS.includes(subject))
      throw badUserInput('subject', `subject: a cohort follows RU or MA (got ${subject})`);
    checkYear('startYear', startYear);
    if (!Number.isInteger(startGrade) || startGrade < COHORT_FIRST_GRADE || startGrade > COHORT_OGE_GRADE)
      throw badUserInput(
        'startGrade',
        `startGrade: must be ${COHORT_FIRST_GRADE} … ${COHORT_OGE_GRADE} (got ${startGrade})`,
      );
    const m = await resolveMethodology(ctx.db, methodology, overrides, ctx);
    const school = await findScopedSchool(ctx, 'schoolCode', schoolCode);
    const lastYear = await newestYear(ctx.db, m.params);
    if (lastYear === null || startYear > lastYear)
      throw badUserInput('startYear', `startYear: no data from ${startYear} on (newest year ${lastYear})`);
    const steps = await cohortSteps(ctx.db, school, subject, cohortPath(startYear, startGrade, lastYear));
    return { school, subject, startYear, startGrade, methodology: methodologyView(m), steps };
  }
}
