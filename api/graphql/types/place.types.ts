import DataLoader from 'dataloader';
import { Ctx, Field, ID, ObjectType } from 'type-graphql';
import { type Context } from '../../context.js';
import { connectionType } from './page-info.type.js';

@ObjectType({ simpleResolvers: true, description: 'Субъект РФ' })
export class Region {
  @Field(() => ID)
  id!: number;

  @Field({ description: 'Two-digit code of the субъект (56 = Оренбургская область)' })
  code!: string;

  @Field()
  name!: string;

  @Field(() => String, {
    description: 'IANA time zone of the region (e.g. «Asia/Yekaterinburg»): exports show dates in it',
  })
  timeZone(@Ctx() ctx: Context): Promise<string> {
    return timeZoneLoader(ctx).load(this.id);
  }
}

/**
 * The zone is read by the region's id, batched per request, so every place that yields a Region
 * (loaders, statistics rows, places) answers it without selecting the column itself.
 */
const timeZoneLoaders = new WeakMap<Context, DataLoader<number, string>>();
function timeZoneLoader(ctx: Context): DataLoader<number, string> {
  let loader = timeZoneLoaders.get(ctx);
  if (!loader) {
    loader = new DataLoader<number, string>(async (ids) => {
      const rows: { id: number; timeZone: string }[] = await ctx
        .knex('region')
        .select('id', 'time_zone as timeZone')
        .whereIn('id', [...ids]);
      const zones = new Map(rows.map((r) => [r.id, r.timeZone]));
      return ids.map((id) => zones.get(id) ?? new Error(`no region ${id}`));
    });
    timeZoneLoaders.set(ctx, loader);
  }
  return loader;
}

@ObjectType({
  simpleResolvers: true,
  description: 'Муниципальное образование (район, городской округ) or a territorial управление',
})
export class Municipality {
  @Field(() => ID)
  id!: number;

  @Field()
  name!: string;

  regionId!: number;
}

export const RegionConnection = connectionType(Region, 'Region');
export const MunicipalityConnection = connectionType(Municipality, 'Municipality');
