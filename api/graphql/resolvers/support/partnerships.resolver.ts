import { GraphQLDate } from 'graphql-scalars';
import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { type Context } from '../../../context.js';
import { isoDate } from '../../../services/support/orders.shared.js';
import {
  acceptPartnerSuggestion,
  createPartnership,
  partnerships,
} from '../../../services/support/partnerships.service.js';
import { PageArgs } from '../../inputs/page.args.js';
import { PlaceFilter } from '../../inputs/place-filter.input.js';
import { checkYear } from '../../inputs/validate.js';
import { School } from '../../types/school.type.js';
import {
  PartnershipConnection,
  PartnershipType,
  SchoolReference,
} from '../../types/support/partnerships.types.js';

const BASIS = {
  nullable: true,
  description: 'The order the partnership rests on: of the municipality or of its region',
};
const FROM = { description: 'First day (included)' };

@Resolver(() => PartnershipType)
export class PartnershipResolver {
  @Query(() => PartnershipConnection, {
    description:
      'Partnerships (SUPPORT-V1 §1) open on `asOf` whose listed school is in the viewer’s scope, in the order they were stored. ' +
      'The partner is named by code and name; its results only when it is in scope too',
  })
  partnerships(
    @Ctx() ctx: Context,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => PlaceFilter, { nullable: true, description: 'The listed school’s place' })
    filter?: PlaceFilter,
    @Arg('asOf', () => GraphQLDate, {
      nullable: true,
      description: 'Open on this date; absent: today in the listed school’s region',
    })
    asOf?: string,
  ) {
    return partnerships(ctx, { ...page, filter, asOf: isoDate(asOf) });
  }

  @Mutation(() => PartnershipType, {
    description:
      'A partnership of a listed school and a partner of its region (the MUNICIPAL_ANALYST of the listed school’s municipality); ' +
      'the same school twice is BAD_USER_INPUT on partnerSchoolCode; audited',
  })
  createPartnership(
    @Ctx() ctx: Context,
    @Arg('listedSchoolCode', () => String) listedSchoolCode: string,
    @Arg('partnerSchoolCode', () => String) partnerSchoolCode: string,
    @Arg('from', () => GraphQLDate, FROM) from: Date,
    @Arg('to', () => GraphQLDate, { nullable: true, description: 'Last day (included); absent: open' })
    to?: string,
    @Arg('basisOrderId', () => ID, BASIS) basisOrderId?: string,
  ) {
    return createPartnership(ctx, {
      listedSchoolCode,
      partnerSchoolCode,
      basisOrderId,
      from: isoDate(from),
      to: isoDate(to),
    });
  }

  @Mutation(() => PartnershipType, {
    description:
      'A partnership with one of the partners partnerSuggestions suggests now for a school of the approved list of `year` ' +
      '(default-v1, support-v1); another school is BAD_USER_INPUT on partnerSchoolCode (`reason: NOT_SUGGESTED`); audited',
  })
  acceptPartnerSuggestion(
    @Ctx() ctx: Context,
    @Arg('year', () => Int, { description: 'The list year y' }) year: number,
    @Arg('schoolCode', () => String, { description: 'The listed school s' }) schoolCode: string,
    @Arg('partnerSchoolCode', () => String) partnerSchoolCode: string,
    @Arg('from', () => GraphQLDate, FROM) from: Date,
    @Arg('basisOrderId', () => ID, BASIS) basisOrderId?: string,
  ) {
    checkYear('year', year);
    return acceptPartnerSuggestion(ctx, {
      year,
      schoolCode,
      partnerSchoolCode,
      basisOrderId,
      from: isoDate(from),
    });
  }
}

@Resolver(() => SchoolReference)
export class SchoolReferenceResolver {
  @FieldResolver(() => School, {
    nullable: true,
    description: 'The school with its results and analytics; null when it is outside the viewer’s scope',
  })
  school(@Root() ref: SchoolReference, @Ctx() ctx: Context) {
    return ref.inScope ? ctx.loaders.school.load(ref.id) : null;
  }
}
