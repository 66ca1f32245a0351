import { GraphQLDate } from 'graphql-scalars';
import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { type Context } from '../../../context.js';
import { executionMonitoring } from '../../../services/support/monitoring.service.js';
import { isoDate } from '../../../services/support/orders.shared.js';
import {
  monitoringReport,
  saveMonitoringReport,
} from '../../../services/support/monitoring-report.service.js';
import {
  MonitoringReportTextType,
  SaveMonitoringReportInput,
} from '../../types/support/monitoring-report.types.js';
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

  @Query(() => MonitoringReportTextType, {
    nullable: true,
    description:
      'The conclusions, recommendations and order a place keeps with its monitoring report of `year`; null before the first save (`support.monitor`)',
  })
  monitoringReport(
    @Ctx() ctx: Context,
    @Arg('year', () => Int) year: number,
    @Arg('regionCode', () => String, { nullable: true }) regionCode?: string | null,
    @Arg('municipalityId', () => ID, { nullable: true }) municipalityId?: string | null,
  ) {
    return monitoringReport(ctx, { year, regionCode, municipalityId });
  }

  @Mutation(() => MonitoringReportTextType, {
    description:
      'Saves the text of a place’s monitoring report (created or replaced), audited; the analyst of exactly that place (`support.plan`)',
  })
  saveMonitoringReport(
    @Ctx() ctx: Context,
    @Arg('input', () => SaveMonitoringReportInput) input: SaveMonitoringReportInput,
  ) {
    return saveMonitoringReport(ctx, input);
  }
}
