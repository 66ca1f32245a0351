import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { type Context } from '../../../context.js';
import {
  activityReports,
  type ActivityReportRow,
  reportActivity,
} from '../../../services/support/activity-reports.service.js';
import { isoDate } from '../../../services/support/documents-common.js';
import { PageArgs } from '../../inputs/page.args.js';
import { ActivityReportFilter, ActivityReportInput } from '../../inputs/support/activity-reports.input.js';
import { School } from '../../types/school.type.js';
import { ActivityReportConnection, ActivityReportType } from '../../types/support/activity-reports.types.js';

@Resolver(() => ActivityReportType)
export class ActivityReportResolver {
  @Query(() => ActivityReportConnection, {
    description: 'Schools’ activity reports of the viewer’s scope, in the order written',
  })
  activityReports(
    @Ctx() ctx: Context,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => ActivityReportFilter, { nullable: true }) filter?: ActivityReportFilter,
  ) {
    return activityReports(ctx, filter, page);
  }

  @Mutation(() => ActivityReportType, {
    description:
      'A school’s report on an activity of its municipality’s roadmap that requires school reports (`support.schoolWork`); any other activity is `BAD_USER_INPUT` on `activityId` (`reason`)',
  })
  reportActivity(
    @Ctx() ctx: Context,
    @Arg('activityId', () => ID) activityId: string,
    @Arg('input', () => ActivityReportInput) input: ActivityReportInput,
  ) {
    return reportActivity(ctx, activityId, { ...input, date: isoDate(input.date) });
  }

  @FieldResolver(() => School, {
    nullable: true,
    description: 'The school, when the viewer’s scope holds it',
  })
  school(@Root() row: ActivityReportRow, @Ctx() ctx: Context) {
    return ctx.loaders.school.load(row.schoolId);
  }
}
