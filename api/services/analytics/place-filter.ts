import { isInScope } from '../../auth/scope.js';
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
 * api/auth/scope.ts) and the place arguments every analytics query shares. Applied before anything
 * is counted, so aggregates never include rows outside the scope.
 */
export async function placeFilter(
  ctx: Context,
  args: PlaceArgs,
): Promise<(place: Place | undefined) => place is Place> {
  const regions = args.regionCodes
    ? new Set(await ctx.knex('region').whereIn('code', args.regionCodes).pluck<number[]>('id'))
    : null;
  const municipalities = args.municipalityIds
    ? new Set(args.municipalityIds.map((id, i) => toId(`municipalityIds[${i}]`, id)))
    : null;
  const schools = args.schoolCodes
    ? new Set(await ctx.knex('school').whereIn('code', args.schoolCodes).pluck<number[]>('id'))
    : null;
  return (place): place is Place =>
    place !== undefined &&
    isInScope(ctx.viewer, place) &&
    (!regions || regions.has(place.regionId)) &&
    (!municipalities || municipalities.has(place.municipalityId)) &&
    (!schools || schools.has(place.schoolId));
}
