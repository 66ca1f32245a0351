import { Arg, Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { PlaceGroupBy } from '../enums.js';
import { type Context } from '../../context.js';
import { shnorSummary } from '../../services/analytics/shnor.service.js';
import { AnalyticsArgs } from '../inputs/analytics.args.js';
import { ShnorSummary, ShnorSummaryRow } from '../types/analytics/candidate.types.js';
import { Municipality, Region } from '../types/place.types.js';

@Resolver(() => ShnorSummaryRow)
export class ShnorSummaryResolver {
  @Query(() => ShnorSummary, {
    description: 'Schools per ШНОР status per region or municipality, for dashboards',
  })
  shnorSummary(
    @Ctx() ctx: Context,
    @Args(() => AnalyticsArgs) question: AnalyticsArgs,
    @Arg('groupBy', () => PlaceGroupBy, { defaultValue: PlaceGroupBy.REGION })
    groupBy: PlaceGroupBy = PlaceGroupBy.REGION,
  ) {
    return shnorSummary(ctx, { ...question, groupBy });
  }

  @FieldResolver(() => Region)
  region(@Root() row: ShnorSummaryRow, @Ctx() ctx: Context) {
    return ctx.loaders.region.load(row.regionId);
  }

  @FieldResolver(() => Municipality, { nullable: true })
  municipality(@Root() row: ShnorSummaryRow, @Ctx() ctx: Context) {
    return row.municipalityId === null ? null : ctx.loaders.municipality.load(row.municipalityId);
  }
}
