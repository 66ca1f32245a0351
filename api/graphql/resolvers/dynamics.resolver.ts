import { Arg, Args, Ctx, Int, Query, Resolver } from 'type-graphql';
import { COHORT_FIRST_GRADE } from '../../../analytics/dynamics/index.js';
import { DiagnosticSubject, Subject } from '../../../schema/enums.js';
import { type Context } from '../../context.js';
import { schoolDiagnosticsDynamics } from '../../services/analytics/diagnostics-dynamics.service.js';
import { cohortQuestion, dynamicsQuestion } from '../../services/analytics/dynamics-question.js';
import { MethodologyArgs } from '../inputs/methodology.args.js';
import { SchoolDiagnosticsDynamics } from '../types/analytics/diagnostics-dynamics.types.js';
import {
  Cohort,
  DynamicsEntity,
  DynamicsIndicator,
  DynamicsSeries,
} from '../types/analytics/dynamics.types.js';

@Resolver()
export class DynamicsResolver {
  @Query(() => DynamicsSeries, {
    description:
      'An indicator of a school, municipality or region by year with delta, 3-year trend and z-test ([METHODOLOGY-V1 §5](/docs/methodology#dynamics))',
  })
  dynamics(
    @Ctx() ctx: Context,
    @Args(() => MethodologyArgs) methodology: MethodologyArgs,
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
    return dynamicsQuestion(ctx, { ...methodology, entity, id, indicator, years, grade, subject });
  }

  @Query(() => Cohort, {
    description: 'A school’s cohort: grade g in y, g + 1 in y + 1, … ВПР to grade 8, ОГЭ in grade 9 (§5)',
  })
  cohort(
    @Ctx() ctx: Context,
    @Args(() => MethodologyArgs) methodology: MethodologyArgs,
    @Arg('schoolCode', () => String) schoolCode: string,
    @Arg('subject', () => Subject, { description: 'RU or MA' }) subject: Subject,
    @Arg('startYear', () => Int) startYear: number,
    @Arg('startGrade', () => Int, { defaultValue: COHORT_FIRST_GRADE })
    startGrade: number = COHORT_FIRST_GRADE,
  ) {
    return cohortQuestion(ctx, { ...methodology, schoolCode, subject, startYear, startGrade });
  }

  @Query(() => SchoolDiagnosticsDynamics, {
    description:
      'A school’s ВПР share of «2» per year (dynamics SHARE2 of the subject) beside the local diagnostics of the school year that follows, pooled by SUPPORT-V1 §5; every role but PUBLIC, a school of the viewer’s scope',
  })
  schoolDiagnosticsDynamics(
    @Ctx() ctx: Context,
    @Args(() => MethodologyArgs) methodology: MethodologyArgs,
    @Arg('schoolCode', () => String) schoolCode: string,
    @Arg('subjects', () => [DiagnosticSubject], { nullable: true, description: 'Default: RU and MA' })
    subjects?: DiagnosticSubject[] | null,
    @Arg('years', () => [Int], {
      nullable: true,
      description: 'ВПР years A (diagnostics of A/A+1); default: every year with either',
    })
    years?: number[] | null,
  ) {
    return schoolDiagnosticsDynamics(ctx, { ...methodology, schoolCode, subjects, years });
  }
}
