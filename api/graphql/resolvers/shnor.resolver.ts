import { describedValues } from '../enum-values.js';
import {
  Arg,
  Args,
  Ctx,
  FieldResolver,
  ID,
  Int,
  Query,
  Resolver,
  Root,
  registerEnumType,
} from 'type-graphql';
import { type Context } from '../../context.js';
import { pageSize } from '../../pagination.js';
import {
  candidateView,
  type CandidateView,
  methodologyView,
} from '../../services/analytics/candidate-view.js';
import { resolveMethodology } from '../../services/analytics/methodology.js';
import { shnorYear } from '../../services/analytics/shnor.service.js';
import { placeFilter } from '../../services/analytics/place-filter.js';
import { MethodologyArgs } from '../inputs/methodology.args.js';
import { checkYear } from '../inputs/validate.js';
import { ShnorCandidateConnection, ShnorCandidateType } from '../types/analytics/candidate.types.js';
import { ObjectivityMarkerType, ShnorStatus } from '../types/analytics/shnor.types.js';
import { arrayPage } from '../types/page-info.type.js';
import { School } from '../types/school.type.js';

export enum CandidateOrder {
  LOW_RANK_DESC = 'LOW_RANK_DESC',
  LOW_INDEX_DESC = 'LOW_INDEX_DESC',
}
registerEnumType(CandidateOrder, { name: 'CandidateOrder', valuesConfig: describedValues('CandidateOrder') });

const STATUS_ORDER: Record<string, number> = {
  ELIGIBLE: 0,
  REVIEW: 1,
  NOT_ELIGIBLE: 2,
  INSUFFICIENT_DATA: 3,
};

@Resolver(() => ShnorCandidateType)
export class ShnorResolver {
  @Query(() => ShnorCandidateConnection, {
    description:
      'Every school’s ШНОР status for list year `year` ([METHODOLOGY-V1 §1–§2](/docs/methodology#statuses)) with its evidence',
  })
  async shnorCandidates(
    @Ctx() ctx: Context,
    @Args(() => MethodologyArgs) { methodology, overrides }: MethodologyArgs,
    @Arg('year', () => Int) year: number,
    @Arg('regionCodes', () => [String], { nullable: true }) regionCodes?: string[],
    @Arg('municipalityIds', () => [ID], { nullable: true }) municipalityIds?: string[],
    @Arg('status', () => [ShnorStatus], { nullable: true, description: 'Only these statuses' })
    status?: ShnorStatus[],
    @Arg('first', () => Int, { nullable: true }) first?: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
    @Arg('orderBy', () => CandidateOrder, { defaultValue: CandidateOrder.LOW_RANK_DESC })
    orderBy: CandidateOrder = CandidateOrder.LOW_RANK_DESC,
  ) {
    checkYear('year', year);
    const size = pageSize(first, ctx.config.defaultPageSize, ctx.config.maxPageSize);
    const m = await resolveMethodology(ctx.db, methodology, overrides, ctx);
    const computed = await shnorYear(ctx.db, ctx.analyticsCache, m, year);
    const wanted = await placeFilter(ctx, { regionCodes, municipalityIds });
    const statuses = status ? new Set<string>(status) : null;
    const rows = computed.candidates.filter((c) => wanted(c) && (!statuses || statuses.has(c.status)));
    const key = orderBy === CandidateOrder.LOW_INDEX_DESC ? 'lowIndex' : 'lowRank';
    // One numeric key per row, then a plain sort: a comparator reading strings and nested
    // objects for 40 000 rows took longer than ranking them.
    const order = rows.map((c) => STATUS_ORDER[c.status]! * 4 - (c.current[key] ?? -1));
    const byOrder = rows
      .map((_, i) => i)
      .sort((a, b) => order[a]! - order[b]! || rows[a]!.schoolId - rows[b]!.schoolId);
    const sorted = byOrder.map((i) => rows[i]!);
    const view = methodologyView(m);
    const connection = arrayPage(sorted, size, after, (c) => candidateView(c, view));
    return Object.assign(connection, { year, methodology: view, dataVersion: computed.dataVersion });
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
