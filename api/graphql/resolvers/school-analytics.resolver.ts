import { Arg, Args, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { type Context } from '../../context.js';
import { schoolAnalytics } from '../../services/analytics/school-analytics.service.js';
import { type SchoolRow } from '../../services/school-query.js';
import { MethodologyArgs } from '../inputs/methodology.args.js';
import { SchoolAnalyticsType } from '../types/analytics/school-analytics.types.js';
import { School } from '../types/school.type.js';

@Resolver(() => School)
export class SchoolAnalyticsResolver {
  @FieldResolver(() => SchoolAnalyticsType, {
    description:
      'Indicators, rank, ШНОР status with evidence, markers, risk profile and social context in a year',
  })
  analytics(
    @Root() school: SchoolRow,
    @Ctx() ctx: Context,
    @Args(() => MethodologyArgs) methodology: MethodologyArgs,
    @Arg('year', () => Int) year: number,
  ) {
    return schoolAnalytics(ctx, school.id, { ...methodology, year });
  }
}
