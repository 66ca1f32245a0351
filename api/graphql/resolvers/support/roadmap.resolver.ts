import { GraphQLDate } from 'graphql-scalars';
import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { ActivityRecordStatus } from '../../../../schema/enums.js';
import { type Context } from '../../../context.js';
import { badUserInput } from '../../../errors.js';
import { importRoadmap } from '../../../services/support/roadmap-import.service.js';
import {
  type ActivityView,
  roadmapById,
  roadmapPage,
  type RoadmapView,
  statusOf,
} from '../../../services/support/roadmap-read.service.js';
import { recordActivityStatus } from '../../../services/support/roadmap-status.service.js';
import { PageArgs } from '../../inputs/page.args.js';
import { RoadmapFilter, RoadmapImportInput } from '../../inputs/support/roadmap.inputs.js';
import { Municipality, Region } from '../../types/place.types.js';
import { School } from '../../types/school.type.js';
import {
  ActivityStatus,
  RoadmapActivityRecordType,
  RoadmapActivityType,
  RoadmapConnection,
  RoadmapImportType,
  RoadmapOrderType,
  RoadmapType,
} from '../../types/support/roadmap.types.js';

/** A GraphQL Date (graphql-scalars: a Date at UTC midnight) as the ISO date it stands for. */
const iso = (date: Date | string): string =>
  typeof date === 'string' ? date : date.toISOString().slice(0, 10);

/** Both or neither: a period, an order. */
function pair<A, B>(
  a: A | null | undefined,
  b: B | null | undefined,
  names: [string, string],
): [A, B] | null {
  if ((a == null) !== (b == null)) {
    throw badUserInput(
      a == null ? names[0] : names[1],
      `${names[0]} and ${names[1]} go together: give both or neither`,
    );
  }
  return a != null && b != null ? [a, b] : null;
}

@Resolver(() => RoadmapType)
export class RoadmapResolver {
  @Mutation(() => RoadmapImportType, {
    description:
      'Imports a pasted roadmap table (SUPPORT-V1 §3) for its owner and list year: the roadmap, its activities and its approving order in one transaction. ' +
      '`BAD_USER_INPUT` with `reason` NO_HEADER or PERIOD_REQUIRED; `CONFLICT` when re-importing (same owner, list year and order) over status records or reports',
  })
  async importRoadmap(
    @Ctx() ctx: Context,
    @Arg('input', () => RoadmapImportInput) input: RoadmapImportInput,
  ) {
    const period = pair(input.periodStart, input.periodEnd, ['input.periodStart', 'input.periodEnd']);
    const orderNumber = input.orderNumber?.trim() || null;
    const order = pair(orderNumber, input.orderDate, ['input.orderNumber', 'input.orderDate']);
    return importRoadmap(ctx, {
      text: input.text,
      level: input.level,
      regionCode: input.regionCode,
      municipality: input.municipality,
      schoolCode: input.schoolCode,
      listYear: input.listYear,
      period: period && { start: iso(period[0]), end: iso(period[1]) },
      order: order && {
        number: order[0],
        date: iso(order[1]),
        issuer: input.orderIssuer,
        title: input.orderTitle,
      },
    });
  }

  @Query(() => RoadmapType, {
    nullable: true,
    description: 'A roadmap in the viewer’s scope (null otherwise)',
  })
  roadmap(@Ctx() ctx: Context, @Arg('id', () => ID) id: string) {
    return roadmapById(ctx, id);
  }

  @Query(() => RoadmapConnection, { description: 'Roadmaps in the viewer’s scope, by id' })
  roadmaps(
    @Ctx() ctx: Context,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => RoadmapFilter, { nullable: true }) filter?: RoadmapFilter,
  ) {
    return roadmapPage(ctx, filter, page);
  }

  @FieldResolver(() => RoadmapOrderType, { nullable: true, description: 'The approving order' })
  order(@Root() roadmap: RoadmapView): RoadmapOrderType | null {
    if (roadmap.orderId === null) return null;
    return {
      id: roadmap.orderId,
      number: roadmap.orderNumber ?? '',
      date: roadmap.orderDate ?? '',
      issuer: roadmap.orderIssuer ?? '',
      title: roadmap.orderTitle ?? '',
    };
  }

  @FieldResolver(() => Region)
  region(@Root() roadmap: RoadmapView, @Ctx() ctx: Context) {
    return ctx.loaders.region.load(roadmap.regionId);
  }

  @FieldResolver(() => Municipality, { nullable: true, description: 'Null for a region’s roadmap' })
  municipality(@Root() roadmap: RoadmapView, @Ctx() ctx: Context) {
    return roadmap.municipalityId === null ? null : ctx.loaders.municipality.load(roadmap.municipalityId);
  }

  @FieldResolver(() => School, { nullable: true, description: 'Only for a school’s roadmap' })
  school(@Root() roadmap: RoadmapView, @Ctx() ctx: Context) {
    return roadmap.schoolId === null ? null : ctx.loaders.school.load(roadmap.schoolId);
  }

  @FieldResolver(() => [RoadmapActivityType], { description: 'In the order of the table' })
  activities(@Root() roadmap: RoadmapView) {
    return roadmap.batch.activitiesOf(roadmap.id);
  }
}

@Resolver(() => RoadmapActivityType)
export class RoadmapActivityResolver {
  @Mutation(() => RoadmapActivityType, {
    description:
      'Appends a status record to an activity (SUPPORT-V1 §2): dated not after today in the region, an http(s) evidence link or none',
  })
  recordActivityStatus(
    @Ctx() ctx: Context,
    @Arg('activityId', () => ID) activityId: string,
    @Arg('date', () => GraphQLDate) date: Date,
    @Arg('status', () => ActivityRecordStatus) status: ActivityRecordStatus,
    @Arg('note', () => String, { nullable: true }) note?: string,
    @Arg('evidenceUrl', () => String, { nullable: true }) evidenceUrl?: string,
  ) {
    return recordActivityStatus(ctx, { activityId, date: iso(date), status, note, evidenceUrl });
  }

  @FieldResolver(() => ActivityStatus, {
    description:
      'The status as of `asOf` (default: today in the region’s time zone): the last record dated ≤ asOf, OVERDUE when not DONE and past due',
  })
  status(
    @Root() activity: ActivityView,
    @Arg('asOf', () => GraphQLDate, { nullable: true }) asOf?: Date | null,
  ) {
    return statusOf(activity, asOf ? iso(asOf) : null);
  }

  @FieldResolver(() => [RoadmapActivityRecordType], { description: 'By date, then seq' })
  records(@Root() activity: ActivityView) {
    return activity.batch.recordsOf(activity.id);
  }
}
