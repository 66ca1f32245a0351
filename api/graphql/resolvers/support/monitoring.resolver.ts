import { GraphQLDate } from 'graphql-scalars';
import { Arg, Ctx, ID, Int, Query, Resolver } from 'type-graphql';
import { type Context } from '../../../context.js';
import { executionMonitoring } from '../../../services/support/monitoring.service.js';
import { isoDate } from '../../../services/support/orders.shared.js';
import { ExecutionMonitoringType } from '../../types/support/monitoring.types.js';

@Resolver(() => ExecutionMonitoringType)
export class MonitoringResolver {
  @Query(() => ExecutionMonitoringType, {
    description:
      'Execution monitoring (SUPPORT-V1 §5) of a region (regionCode) or a municipality (municipalityId) for list year `year` as of `asOf` (default: today there). ' +
      'The analysts of the place or above and BI services of its region (`support.monitor`); exactly one place, else BAD_USER_INPUT',
  })
  executionMonitoring(
    @Ctx() ctx: Context,
    @Arg('year', () => Int) year: number,
    @Arg('regionCode', () => String, { nullable: true }) regionCode?: string | null,
    @Arg('municipalityId', () => ID, { nullable: true }) municipalityId?: string | null,
    @Arg('asOf', () => GraphQLDate, { nullable: true }) asOf?: Date | null,
  ) {
    return executionMonitoring(ctx, { year, regionCode, municipalityId, asOf: isoDate(asOf) });
  }
}
