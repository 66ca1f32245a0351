import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import { type Context } from '../../context.js';
import { pageSize } from '../../pagination.js';
import {
  type MunicipalityRow,
  municipalityPage,
  regionByCode,
  regionPage,
  type RegionRow,
} from '../../services/places.service.js';
import { Municipality, MunicipalityConnection, Region, RegionConnection } from '../types/place.types.js';

@Resolver(() => Region)
export class RegionResolver {
  @Query(() => RegionConnection, { description: 'Субъекты РФ, by code' })
  regions(
    @Ctx() ctx: Context,
    @Arg('first', () => Int, { nullable: true }) first?: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
  ) {
    return regionPage(ctx.db, pageSize(first, ctx.config.maxPageSize, ctx.config.maxPageSize), after);
  }

  @Query(() => Region, { nullable: true })
  region(@Ctx() ctx: Context, @Arg('code', () => String) code: string) {
    return regionByCode(ctx.db, code);
  }

  @FieldResolver(() => [Municipality], { description: 'All municipalities of the region, by name' })
  municipalities(@Root() region: RegionRow, @Ctx() ctx: Context) {
    return ctx.loaders.municipalitiesOfRegion.load(region.id);
  }
}

@Resolver(() => Municipality)
export class MunicipalityResolver {
  @Query(() => MunicipalityConnection, { description: 'Municipalities, by name, optionally of some regions' })
  municipalities(
    @Ctx() ctx: Context,
    @Arg('regionCodes', () => [String], { nullable: true }) regionCodes?: string[],
    @Arg('first', () => Int, { nullable: true }) first?: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
  ) {
    const size = pageSize(first, ctx.config.defaultPageSize, ctx.config.maxPageSize);
    return municipalityPage(ctx.db, regionCodes, size, after);
  }

  @FieldResolver(() => Region)
  region(@Root() municipality: MunicipalityRow, @Ctx() ctx: Context) {
    return ctx.loaders.region.load(municipality.regionId);
  }
}
