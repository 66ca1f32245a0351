import { Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { type Context } from '../../context.js';
import { type MarkerRowView, objectivityMarkers } from '../../services/analytics/markers.service.js';
import { AnalyticsArgs } from '../inputs/analytics.args.js';
import { PageArgs } from '../inputs/page.args.js';
import { ObjectivityMarkerConnection, ObjectivityMarkerRowType } from '../types/analytics/markers.types.js';
import { School } from '../types/school.type.js';

@Resolver(() => ObjectivityMarkerRowType)
export class MarkersResolver {
  @Query(() => ObjectivityMarkerConnection, {
    description:
      'Schools with objectivity markers ([METHODOLOGY-V1 §3](/docs/methodology#objectivity-markers)) in `year`, in the ФИС ОКО layout: a column ' +
      'per marked grade × subject; most markers first, then by school id',
  })
  objectivityMarkers(
    @Ctx() ctx: Context,
    @Args(() => AnalyticsArgs) question: AnalyticsArgs,
    @Args(() => PageArgs) page: PageArgs,
  ) {
    return objectivityMarkers(ctx, question, page);
  }

  @FieldResolver(() => School, { nullable: true, description: 'Null when outside the viewer’s scope' })
  school(@Root() row: MarkerRowView, @Ctx() ctx: Context) {
    return ctx.loaders.school.load(row.schoolId);
  }
}
