import { GraphQLDate } from 'graphql-scalars';
import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { type Context } from '../../../context.js';
import { isoDate } from '../../../services/support/orders.shared.js';
import { attachMunicipality, createMmc, mmcs } from '../../../services/support/mmc.service.js';
import { MmcType } from '../../types/support/mmc.types.js';

@Resolver(() => MmcType)
export class MmcResolver {
  @Query(() => [MmcType], {
    description:
      'The ММЦ of a region (SUPPORT-V1 §1) the viewer may read: the region’s viewers all, a municipality’s those it hosts or is served by',
  })
  mmcs(
    @Ctx() ctx: Context,
    @Arg('regionCode', () => String, { description: 'e.g. «56»' }) regionCode: string,
  ) {
    return mmcs(ctx, regionCode);
  }

  @Mutation(() => MmcType, {
    description: 'A ММЦ hosted by a municipality, of its region (the REGION_ANALYST); audited',
  })
  createMmc(
    @Ctx() ctx: Context,
    @Arg('name', () => String, { description: 'e.g. «ММЦ г. Бугуруслан»' }) name: string,
    @Arg('hostMunicipalityId', () => ID) hostMunicipalityId: string,
  ) {
    return createMmc(ctx, name, hostMunicipalityId);
  }

  @Mutation(() => MmcType, {
    description:
      'The ММЦ serves a municipality of its region from … to; a second ММЦ of the municipality on overlapping dates is BAD_USER_INPUT on municipalityId; audited',
  })
  attachMunicipality(
    @Ctx() ctx: Context,
    @Arg('mmcId', () => ID) mmcId: string,
    @Arg('municipalityId', () => ID) municipalityId: string,
    @Arg('from', () => GraphQLDate, { description: 'First day (included)' }) from: Date,
    @Arg('to', () => GraphQLDate, { nullable: true, description: 'Last day (included); absent: open' })
    to?: string,
  ) {
    return attachMunicipality(ctx, mmcId, municipalityId, isoDate(from), isoDate(to));
  }
}
