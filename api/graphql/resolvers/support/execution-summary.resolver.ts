import { GraphQLDate } from 'graphql-scalars';
import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { type Context } from '../../../context.js';
import { executionSummary, submissionTracking } from '../../../services/support/execution-summary.service.js';
import { isoDate } from '../../../services/support/orders.shared.js';
import { PlaceGroupBy } from '../../enums.js';
import { Municipality, Region } from '../../types/place.types.js';
import {
  ExecutionSummaryRowType,
  ExecutionSummaryType,
} from '../../types/support/execution-summary.types.js';
import { MissingReportType } from '../../types/support/monitoring.types.js';

const AS_OF = 'D (default: today in each place’s region)';

@Resolver(() => ExecutionSummaryRowType)
export class ExecutionSummaryResolver {
  @Query(() => ExecutionSummaryType, {
    description:
      'Execution monitoring (SUPPORT-V1 §5) per region, or per municipality of the regions, for list year `year` as of `asOf`: ' +
      'each row the figures of that place’s `executionMonitoring`. The ministry, and the analysts and BI services of a region ' +
      '(`support.monitor` over the whole region; a region outside the scope has no row); others FORBIDDEN. ' +
      '`BAD_USER_INPUT` naming `regionCodes[i]` for an unknown region',
  })
  executionSummary(
    @Ctx() ctx: Context,
    @Arg('year', () => Int, { description: 'The list year y' }) year: number,
    @Arg('regionCodes', () => [String], {
      nullable: true,
      description: 'The regions (default: every region of the viewer’s scope)',
    })
    regionCodes?: string[] | null,
    @Arg('asOf', () => GraphQLDate, { nullable: true, description: AS_OF }) asOf?: Date | null,
    @Arg('groupBy', () => PlaceGroupBy, { defaultValue: PlaceGroupBy.REGION })
    groupBy: PlaceGroupBy = PlaceGroupBy.REGION,
  ) {
    return executionSummary(ctx, { year, regionCodes, asOf: isoDate(asOf), groupBy });
  }

  @Query(() => [MissingReportType], {
    description:
      'The submission tracking (SUPPORT-V1 §5) of several places: every (listed school, due activity) without a report ' +
      'dated ≤ `asOf`, place after place — the municipalities or the regions named (at most one of the two; one outside ' +
      'the scope FORBIDDEN naming it), else every region (a municipal analyst: municipality) of the viewer’s scope. ' +
      '`support.monitor`, as `executionMonitoring`',
  })
  submissionTracking(
    @Ctx() ctx: Context,
    @Arg('year', () => Int, { description: 'The list year y' }) year: number,
    @Arg('regionCodes', () => [String], { nullable: true }) regionCodes?: string[] | null,
    @Arg('municipalityIds', () => [ID], { nullable: true }) municipalityIds?: string[] | null,
    @Arg('asOf', () => GraphQLDate, { nullable: true, description: AS_OF }) asOf?: Date | null,
  ) {
    return submissionTracking(ctx, { year, regionCodes, municipalityIds, asOf: isoDate(asOf) });
  }

  @FieldResolver(() => Region)
  region(@Root() row: ExecutionSummaryRowType, @Ctx() ctx: Context) {
    return ctx.loaders.region.load(row.regionId);
  }

  @FieldResolver(() => Municipality, { nullable: true })
  municipality(@Root() row: ExecutionSummaryRowType, @Ctx() ctx: Context) {
    return row.municipalityId === null ? null : ctx.loaders.municipality.load(row.municipalityId);
  }
}
