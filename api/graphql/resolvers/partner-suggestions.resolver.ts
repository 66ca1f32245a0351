import { Arg, Args, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import { type Context } from '../../context.js';
import {
  partnerSuggestions,
  type PartnerSuggestionsAnswer,
} from '../../services/support/partner-suggestions.service.js';
import { MethodologyArgs } from '../inputs/methodology.args.js';
import { Municipality } from '../types/place.types.js';
import { School } from '../types/school.type.js';
import {
  PartnerOverridesInput,
  PartnerSuggestionsType,
  PartnerSuggestionType,
} from '../types/support/partner-suggestions.types.js';

type Suggestion = PartnerSuggestionsAnswer['suggestions'][number];

@Resolver(() => PartnerSuggestionsType)
export class PartnerSuggestionsResolver {
  @Query(() => PartnerSuggestionsType, {
    description:
      'Partner schools for a school on the approved ШНОР list of (its region, `year`), SUPPORT-V1 §4. ' +
      '`BAD_USER_INPUT` on `schoolCode` when the school is unknown or outside the viewer’s scope, ' +
      'when the region has no approved list of `year` (`reason: NO_APPROVED_LIST`) or the school is not on it ' +
      '(`reason: NOT_ON_APPROVED_LIST`)',
  })
  partnerSuggestions(
    @Ctx() ctx: Context,
    @Args(() => MethodologyArgs) methodology: MethodologyArgs,
    @Arg('year', () => Int, { description: 'The list year y' }) year: number,
    @Arg('schoolCode', () => String, { description: 'The listed school s' }) schoolCode: string,
    @Arg('supportOverrides', () => PartnerOverridesInput, {
      nullable: true,
      description: 'What-if: SUPPORT-V1 §4 parameters changed for this request',
    })
    supportOverrides?: PartnerOverridesInput,
  ) {
    return partnerSuggestions(ctx, { ...methodology, year, schoolCode, supportOverrides });
  }
}

@Resolver(() => PartnerSuggestionType)
export class PartnerSuggestionResolver {
  @FieldResolver(() => School, { description: 'The suggested partner p' })
  school(@Root() suggestion: Suggestion, @Ctx() ctx: Context) {
    return ctx.loaders.school.load(suggestion.schoolId);
  }

  @FieldResolver(() => Municipality, { description: 'The municipality of p' })
  municipality(@Root() suggestion: Suggestion, @Ctx() ctx: Context) {
    return ctx.loaders.municipality.load(suggestion.municipalityId);
  }
}
