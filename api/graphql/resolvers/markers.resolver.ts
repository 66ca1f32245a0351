import { Arg, Args, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { type Marker, markerTable, type MarkerTableRow } from '../../../analytics/markers/index.js';
import { type Context } from '../../context.js';
import { placeFilter } from '../../services/analytics/place-filter.js';
import { pageSize } from '../../pagination.js';
import { methodologyView } from '../../services/analytics/candidate-view.js';
import { markersYear } from '../../services/analytics/markers.service.js';
import { resolveMethodology } from '../../services/analytics/methodology.js';
import { MethodologyArgs } from '../inputs/methodology.args.js';
import { checkYear } from '../inputs/validate.js';
import { ObjectivityMarkerConnection, ObjectivityMarkerRowType } from '../types/analytics/markers.types.js';
import { arrayPage } from '../types/page-info.type.js';
import { School } from '../types/school.type.js';

/** A table row as the GraphQL type reads it: the layout's cells plus the markers behind them. */
export interface ObjectivityMarkerRowView extends MarkerTableRow {
  markers: Marker[];
}

@Resolver(() => ObjectivityMarkerRowType)
export class MarkersResolver {
  @Query(() => ObjectivityMarkerConnection, {
    description:
      'Schools with objectivity markers ([METHODOLOGY-V1 §3](/docs/methodology#objectivity-markers)) in `year`, in the ФИС ОКО layout: a column ' +
      'per marked grade × subject; most markers first, then by school id',
  })
  async objectivityMarkers(
    @Ctx() ctx: Context,
    @Args(() => MethodologyArgs) { methodology, overrides }: MethodologyArgs,
    @Arg('year', () => Int) year: number,
    @Arg('regionCodes', () => [String], { nullable: true }) regionCodes?: string[],
    @Arg('municipalityIds', () => [ID], { nullable: true }) municipalityIds?: string[],
    @Arg('first', () => Int, { nullable: true }) first?: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
  ) {
    checkYear('year', year);
    const size = pageSize(first, ctx.config.defaultPageSize, ctx.config.maxPageSize);
    const m = await resolveMethodology(ctx.db, methodology, overrides, ctx);
    const computed = await markersYear(ctx.db, ctx.analyticsCache, m, year);
    const wanted = await placeFilter(ctx, { regionCodes, municipalityIds });
    // Scope and filters before the layout, so that columns name only what the viewer may see.
    const bySchool = new Map<number, Marker[]>();
    for (const marker of computed.markers) {
      const place = computed.places.get(marker.schoolId);
      if (!wanted(place)) continue;
      let list = bySchool.get(marker.schoolId);
      if (!list) bySchool.set(marker.schoolId, (list = []));
      list.push(marker);
    }
    const table = markerTable([...bySchool.values()].flat());
    const rows = table.rows.sort((a, b) => b.markerCount - a.markerCount || a.schoolId - b.schoolId);
    const connection = arrayPage(
      rows,
      size,
      after,
      (row): ObjectivityMarkerRowView => ({
        ...row,
        markers: bySchool.get(row.schoolId) ?? [],
      }),
    );
    return Object.assign(connection, {
      year,
      methodology: methodologyView(m),
      dataVersion: computed.dataVersion,
      columns: table.columns.map((c) => c.key),
    });
  }

  @FieldResolver(() => School, { nullable: true, description: 'Null when outside the viewer’s scope' })
  school(@Root() row: ObjectivityMarkerRowView, @Ctx() ctx: Context) {
    return ctx.loaders.school.load(row.schoolId);
  }
}
