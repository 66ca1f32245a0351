import { GraphQLJSON } from 'graphql-scalars';
import { Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';
import { MethodologyRef } from '../analytics/methodology.types.js';
import { School } from '../school.type.js';

@InputType({
  description:
    'What-if for SUPPORT-V1 §4: partner-suggestion parameters changed for this request (the rest of support-v1 stays)',
})
export class PartnerOverridesInput {
  @Field(() => Int, { nullable: true, description: 'At most this many suggestions (0 … 50; support-v1: 5)' })
  partnerMax?: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Candidates have lowRank ≤ this (0 … 1; support-v1: 0.25)',
  })
  partnerRankMax?: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'When both swi are defined, |swi(p) − swi(s)| ≤ this (≥ 0; support-v1: 0.5)',
  })
  partnerSwiMaxDistance?: number | null;
}

@ObjectType({
  simpleResolvers: true,
  description: 'Which support rules produced a result: the version and the effective parameters',
})
export class SupportRef {
  @Field({ description: 'The support version, e.g. support-v1' })
  name!: string;

  @Field({ description: 'True when the request changed parameters (supportOverrides)' })
  overridden!: boolean;

  @Field(() => GraphQLJSON, { description: 'The effective parameters of every section of the version' })
  params!: unknown;
}

@ObjectType('PartnerSuggestion', {
  simpleResolvers: true,
  description:
    'A school suggested as a partner of a listed school (SUPPORT-V1 §4), with the values that put it here',
})
export class PartnerSuggestionType {
  schoolId!: number;
  municipalityId!: number;

  @Field({ description: 'In the municipality of the listed school (the first ordering key)' })
  sameMunicipality!: boolean;

  @Field({
    description:
      'resilient(p, y): a difficult social context (ШНСУ) and yet lowRank ≤ resilientLowRankMax, no core marker in y',
  })
  resilient!: boolean;

  @Field(() => Float, { description: 'lowIndex(p, y)' })
  lowIndex!: number;

  @Field(() => Float, { description: 'lowRank(p, y), ≤ partnerRankMax' })
  lowRank!: number;

  @Field(() => Float, { nullable: true, description: 'swi(p, y); null when undefined' })
  swi!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: '|swi(p, y) − swi(s, y)|; null unless both are defined',
  })
  swiDistance!: number | null;
}

@ObjectType('PartnerSuggestions', {
  simpleResolvers: true,
  description:
    'Partner suggestions (SUPPORT-V1 §4) for a school on the approved ШНОР list of its region and year',
})
export class PartnerSuggestionsType {
  @Field(() => Int)
  year!: number;

  @Field(() => School, { description: 'The listed school s' })
  school!: School;

  @Field(() => ID, { description: 'The approved (or published) list of (r, y) the school is on' })
  listId!: string;

  @Field(() => Float, { nullable: true, description: 'swi(s, y); null when undefined' })
  swi!: number | null;

  @Field({
    description:
      'Whether swi(s, y) is defined: only then are candidates with a swi kept within partnerSwiMaxDistance of it',
  })
  swiFilterApplied!: boolean;

  @Field(() => Int, { description: 'How many schools met every condition, before the cut at partnerMax' })
  candidateCount!: number;

  @Field(() => [PartnerSuggestionType], {
    description:
      'At most partnerMax candidates: same municipality first, then resilient, then lowIndex ascending, then code',
  })
  suggestions!: PartnerSuggestionType[];

  @Field({
    description:
      'True when the viewer’s scope holds the whole region; otherwise only the schools of its scope were considered and counted',
  })
  scopeCoversRegion!: boolean;

  @Field(() => SupportRef)
  support!: SupportRef;

  @Field(() => MethodologyRef, { description: 'The methodology of lowIndex, lowRank, swi and resilient' })
  methodology!: MethodologyRef;

  @Field(() => Int, { description: 'Data version the answer was computed from' })
  dataVersion!: number;
}
