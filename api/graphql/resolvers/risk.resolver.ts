import { Arg, Args, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import { PlaceGroupBy } from '../enums.js';
import { type RiskProfile } from '../../../analytics/risk/index.js';
import { type Context } from '../../context.js';
import { riskFactorSummaryOf, riskProfiles } from '../../services/analytics/risk.service.js';
import { AnalyticsArgs } from '../inputs/analytics.args.js';
import { PageArgs } from '../inputs/page.args.js';
import {
  RiskFactorSummaryType,
  RiskLevel,
  RiskProfileConnection,
  RiskProfileType,
} from '../types/analytics/risk.types.js';
import { School } from '../types/school.type.js';

@Resolver(() => RiskProfileType)
export class RiskResolver {
  @Query(() => RiskProfileConnection, {
    description:
      'Risk profiles ([METHODOLOGY-V1 §4](/docs/methodology#risk-profile)) of the schools with indicators or results in `year` (without a survey: ' +
      'R6 from SR_VPR_LOW, the other factors NO_DATA), most HIGH factors first, ' +
      'then by school id. `level` and `factor` together: that factor is at that level; `level` alone: ' +
      'some factor is at that level; `factor` alone: that factor is HIGH or MEDIUM.',
  })
  riskProfiles(
    @Ctx() ctx: Context,
    @Args(() => AnalyticsArgs) question: AnalyticsArgs,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('level', () => RiskLevel, { nullable: true }) level?: RiskLevel,
    @Arg('factor', () => Int, { nullable: true, description: 'Factor number, 1 for R1 … 10 for R10' })
    factor?: number,
  ) {
    return riskProfiles(ctx, { ...question, level, factor }, page);
  }

  @Query(() => RiskFactorSummaryType, {
    description:
      'Per region (or municipality) and risk factor: schools at each level, counting only the schools ' +
      'in the viewer’s scope; high + medium + low + noData = schools',
  })
  riskFactorSummary(
    @Ctx() ctx: Context,
    @Args(() => AnalyticsArgs) question: AnalyticsArgs,
    @Arg('groupBy', () => PlaceGroupBy, { defaultValue: PlaceGroupBy.REGION }) groupBy: PlaceGroupBy,
  ) {
    return riskFactorSummaryOf(ctx, { ...question, groupBy });
  }

  @FieldResolver(() => School, { nullable: true, description: 'Null when outside the viewer’s scope' })
  school(@Root() profile: RiskProfile, @Ctx() ctx: Context) {
    return ctx.loaders.school.load(profile.schoolId);
  }
}
