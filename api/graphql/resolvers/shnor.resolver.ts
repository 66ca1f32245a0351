import { describedValues } from '../enum-values.js';
import { Arg, Args, Ctx, FieldResolver, Query, Resolver, Root, registerEnumType } from 'type-graphql';
import { type Context } from '../../context.js';
import { type CandidateView } from '../../services/analytics/candidate-view.js';
import { shnorCandidates } from '../../services/analytics/shnor.service.js';
import { AnalyticsArgs } from '../inputs/analytics.args.js';
import { PageArgs } from '../inputs/page.args.js';
import { ShnorCandidateConnection, ShnorCandidateType } from '../types/analytics/candidate.types.js';
import { ObjectivityMarkerType, ShnorStatus } from '../types/analytics/shnor.types.js';
import { School } from '../types/school.type.js';

export enum CandidateOrder {
  LOW_RANK_DESC = 'LOW_RANK_DESC',
  LOW_INDEX_DESC = 'LOW_INDEX_DESC',
}
registerEnumType(CandidateOrder, { name: 'CandidateOrder', valuesConfig: describedValues('CandidateOrder') });

const ORDER_KEY = { LOW_RANK_DESC: 'lowRank', LOW_INDEX_DESC: 'lowIndex' } as const;

@Resolver(() => ShnorCandidateType)
export class ShnorResolver {
  @Query(() => ShnorCandidateConnection, {
    description:
      'Every school’s ШНОР status for list year `year` ([METHODOLOGY-V1 §1–§2](/docs/methodology#statuses)) with its evidence',
  })
  shnorCandidates(
    @Ctx() ctx: Context,
    @Args(() => AnalyticsArgs) question: AnalyticsArgs,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('status', () => [ShnorStatus], { nullable: true, description: 'Only these statuses' })
    status?: ShnorStatus[],
    @Arg('orderBy', () => CandidateOrder, { defaultValue: CandidateOrder.LOW_RANK_DESC })
    orderBy: CandidateOrder = CandidateOrder.LOW_RANK_DESC,
  ) {
    return shnorCandidates(ctx, { ...question, status, orderBy: ORDER_KEY[orderBy] }, page);
  }

  @FieldResolver(() => School, { nullable: true })
  school(@Root() candidate: CandidateView, @Ctx() ctx: Context) {
    return ctx.loaders.school.load(candidate.schoolId);
  }

  @FieldResolver(() => [ObjectivityMarkerType], {
    description: 'Markers of the list year and the year before',
  })
  markers(@Root() candidate: CandidateView, @Ctx() ctx: Context) {
    const { current, previous, methodology } = candidate.evidence;
    const params = methodology.params as Parameters<typeof ctx.loaders.markers>[0];
    return ctx.loaders.markers(params, [previous.year, current.year]).load(candidate.schoolId);
  }
}
