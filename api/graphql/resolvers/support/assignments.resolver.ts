import { GraphQLDate } from 'graphql-scalars';
import { Arg, Args, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { type Context } from '../../../context.js';
import { isoDate } from '../../../services/support/orders.shared.js';
import {
  assignCoordinator,
  assignCurator,
  assignments,
  endAssignment,
} from '../../../services/support/assignments.service.js';
import { PageArgs } from '../../inputs/page.args.js';
import { PlaceFilter } from '../../inputs/place-filter.input.js';
import { PersonInput } from '../../inputs/support/assignments.inputs.js';
import {
  AssignmentConnection,
  AssignmentKind,
  AssignmentType,
} from '../../types/support/assignments.types.js';

const FROM = { description: 'First day (included)' };
const TO = { nullable: true, description: 'Last day (included); absent: open' };
const ORDER = { nullable: true, description: 'The order that assigns: of the municipality or of its region' };

@Resolver(() => AssignmentType)
export class AssignmentResolver {
  @Query(() => AssignmentConnection, {
    description:
      'Coordinators and curators (SUPPORT-V1 §1) open on `asOf`, in the viewer’s scope (a curator: those of its schools), in the order they were stored',
  })
  assignments(
    @Ctx() ctx: Context,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => PlaceFilter, { nullable: true, description: 'schoolCodes: the curated schools' })
    filter?: PlaceFilter,
    @Arg('asOf', () => GraphQLDate, {
      nullable: true,
      description: 'Open on this date; absent: today in each region’s time zone',
    })
    asOf?: string,
    @Arg('kind', () => AssignmentKind, { nullable: true }) kind?: AssignmentKind,
  ) {
    return assignments(ctx, { ...page, filter, asOf: isoDate(asOf), kind });
  }

  @Mutation(() => AssignmentType, {
    description: 'Assigns the coordinator of a municipality (its MUNICIPAL_ANALYST); audited',
  })
  assignCoordinator(
    @Ctx() ctx: Context,
    @Arg('municipalityId', () => ID) municipalityId: string,
    @Arg('person', () => PersonInput) person: PersonInput,
    @Arg('from', () => GraphQLDate, FROM) from: Date,
    @Arg('to', () => GraphQLDate, TO) to?: Date,
    @Arg('orderId', () => ID, ORDER) orderId?: string,
  ) {
    return assignCoordinator(ctx, municipalityId, { person, from: isoDate(from), to: isoDate(to), orderId });
  }

  @Mutation(() => AssignmentType, {
    description:
      'Assigns a curator of a school (the MUNICIPAL_ANALYST of the school’s municipality); audited',
  })
  assignCurator(
    @Ctx() ctx: Context,
    @Arg('schoolCode', () => String) schoolCode: string,
    @Arg('person', () => PersonInput) person: PersonInput,
    @Arg('from', () => GraphQLDate, FROM) from: Date,
    @Arg('to', () => GraphQLDate, TO) to?: Date,
    @Arg('orderId', () => ID, ORDER) orderId?: string,
  ) {
    return assignCurator(ctx, schoolCode, { person, from: isoDate(from), to: isoDate(to), orderId });
  }

  @Mutation(() => AssignmentType, {
    description:
      'Ends an assignment on `to` (included): not before it began, and an ended one is not extended; audited',
  })
  endAssignment(
    @Ctx() ctx: Context,
    @Arg('id', () => ID) id: string,
    @Arg('to', () => GraphQLDate, { description: 'Last day (included)' }) to: Date,
  ) {
    return endAssignment(ctx, id, isoDate(to));
  }
}
