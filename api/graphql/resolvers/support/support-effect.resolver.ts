import { Arg, Ctx, Float, Int, Query, Resolver } from 'type-graphql';
import { type Context } from '../../../context.js';
import { supportEffect } from '../../../services/support/support-effect.service.js';
import { SupportEffectType } from '../../types/support/support-effect.types.js';

@Resolver(() => SupportEffectType)
export class SupportEffectResolver {
  @Query(() => SupportEffectType, {
    description:
      'The effect of support (SUPPORT-V1 §6): the difference-in-differences of lowIndex, the schools of the ' +
      'approved ШНОР list of (r, `year`) against the near-miss group, per region and for the whole scope, over ' +
      'the schools of the viewer’s scope. `BAD_USER_INPUT` naming `horizon`, `controlRankMin` or `regionCodes[i]`',
  })
  supportEffect(
    @Ctx() ctx: Context,
    @Arg('year', () => Int, { description: 'The list year y' }) year: number,
    @Arg('regionCodes', () => [String], {
      nullable: true,
      description: 'The regions (default: every region with a school in the viewer’s scope)',
    })
    regionCodes?: string[] | null,
    @Arg('horizon', () => Int, {
      nullable: true,
      description: 'k, an integer from 1 (support-v1 didHorizon: 1)',
    })
    horizon?: number | null,
    @Arg('controlRankMin', () => Float, {
      nullable: true,
      description: 'Controls have lowRank(s, y) ≥ this, 0 … 1 (support-v1 didControlRankMin: 0.75)',
    })
    controlRankMin?: number | null,
  ) {
    return supportEffect(ctx, { year, regionCodes, horizon, controlRankMin });
  }
}
