import { GraphQLDate } from 'graphql-scalars';
import { Arg, Args, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { type Context } from '../../../context.js';
import { isoDate } from '../../../services/support/orders.shared.js';
import { createSupportEvent, supportEvents } from '../../../services/support/events.service.js';
import { PageArgs } from '../../inputs/page.args.js';
import { PlaceFilter } from '../../inputs/place-filter.input.js';
import { CreateSupportEventInput } from '../../inputs/support/events.inputs.js';
import { SupportEventConnection, SupportEventType } from '../../types/support/events.types.js';

@Resolver(() => SupportEventType)
export class SupportEventResolver {
  @Query(() => SupportEventConnection, {
    description:
      'Support events (SUPPORT-V1 §1) dated from … to whose organiser or a reached school is in the viewer’s scope, in the order they were stored',
  })
  supportEvents(
    @Ctx() ctx: Context,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => PlaceFilter, {
      nullable: true,
      description: 'The organiser’s place; schoolCodes: the organising or a reached school',
    })
    filter?: PlaceFilter,
    @Arg('from', () => GraphQLDate, { nullable: true, description: 'Dated on or after' }) from?: Date,
    @Arg('to', () => GraphQLDate, { nullable: true, description: 'Dated on or before' }) to?: Date,
  ) {
    return supportEvents(ctx, { ...page, filter, from: isoDate(from), to: isoDate(to) });
  }

  @Mutation(() => SupportEventType, {
    description:
      'Stores an event of its organiser (the analyst of its region or municipality, or the school); the schools it reached must be in the viewer’s scope; audited',
  })
  createSupportEvent(
    @Ctx() ctx: Context,
    @Arg('input', () => CreateSupportEventInput) input: CreateSupportEventInput,
  ) {
    return createSupportEvent(ctx, input);
  }
}
