import { isInScope } from '../../../db/scope.js';
import { sql } from '../../../db/sql.js';
import { type Context } from '../../context.js';
import { toId } from '../school-query.js';

export interface Place {
  schoolId: number;
  municipalityId: number;
  regionId: number;
}

export interface PlaceArgs {
  regionCodes?: string[] | null;
  municipalityIds?: string[] | null;
  schoolCodes?: string[] | null;
}

/**
 * Which computed rows a request may see and asked for: the viewer's scope (the one rule of
 * db/scope.ts) and the place arguments every analytics query shares. Applied before anything
 * is counted, so aggregates never include rows outside the scope.
 */
export async function placeFilter(
  ctx: Context,
  args: PlaceArgs,
): Promise<(place: Place | undefined) => place is Place> {
  const idsOf = async (table: 'region' | 'school', codes: readonly string[]) => {
    const rows = await ctx.db.query<{ id: number }>(
      sql`select id from ${sql.ident(table)} where ${sql.in(sql`code`, codes)}`,
    );
    return new Set(rows.map((r) => r.id));
  };
  const regions = args.regionCodes ? await idsOf('region', args.regionCodes) : null;
  const municipalities = args.municipalityIds
    ? new Set(args.municipalityIds.map((id, i) => toId(`filter.municipalityIds[${i}]`, id)))
    : null;
  const schools = args.schoolCodes ? await idsOf('school', args.schoolCodes) : null;
  return (place): place is Place =>
    place !== undefined &&
    isInScope(ctx.viewer, place) &&
    (!regions || regions.has(place.regionId)) &&
    (!municipalities || municipalities.has(place.municipalityId)) &&
    (!schools || schools.has(place.schoolId));
}
