import { Arg, Args, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { type Context } from '../../../context.js';
import { createSupportOrder, supportOrders } from '../../../services/support/orders.service.js';
import { PageArgs } from '../../inputs/page.args.js';
import { PlaceFilter } from '../../inputs/place-filter.input.js';
import { CreateSupportOrderInput } from '../../inputs/support/orders.inputs.js';
import { SupportOrderConnection, SupportOrderType } from '../../types/support/orders.types.js';

@Resolver(() => SupportOrderType)
export class SupportOrderResolver {
  @Query(() => SupportOrderConnection, {
    description:
      'Orders (приказы, SUPPORT-V1 §1) of the places in the viewer’s scope, in the order they were stored. ' +
      '`filter.schoolCodes` is refused: orders belong to regions and municipalities',
  })
  supportOrders(
    @Ctx() ctx: Context,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => PlaceFilter, { nullable: true }) filter?: PlaceFilter,
  ) {
    return supportOrders(ctx, { ...page, filter });
  }

  @Mutation(() => SupportOrderType, {
    description:
      'Stores an order of a region (no municipalityId: its REGION_ANALYST) or of a municipality (its MUNICIPAL_ANALYST); audited',
  })
  createSupportOrder(
    @Ctx() ctx: Context,
    @Arg('input', () => CreateSupportOrderInput) input: CreateSupportOrderInput,
  ) {
    return createSupportOrder(ctx, input);
  }
}
