import { Field, Float, Int, ObjectType } from 'type-graphql';
import { MethodologyRef } from './methodology.types.js';
import { RiskProfileType, SocialContextType } from './risk.types.js';
import { ObjectivityMarkerType, ShnorEvidenceType, ShnorStatus } from './shnor.types.js';

@ObjectType('SchoolAnalytics', {
  simpleResolvers: true,
  description: 'Everything the methodology says about one school in one year',
})
export class SchoolAnalyticsType {
  @Field(() => Int)
  year!: number;

  @Field(() => MethodologyRef)
  methodology!: MethodologyRef;

  @Field(() => ShnorStatus, {
    nullable: true,
    description: 'ШНОР status for list year `year`; null without results',
  })
  status!: ShnorStatus | null;

  @Field({ description: 'On the approved list of y − 1 and no longer low' })
  exitCandidate!: boolean;

  @Field(() => String, { nullable: true })
  explanation!: string | null;

  @Field(() => Float, { nullable: true })
  lowIndex!: number | null;

  @Field(() => Float, { nullable: true })
  lowRank!: number | null;

  @Field(() => ShnorEvidenceType, {
    nullable: true,
    description: 'Indicators, region values, ranks and cut-offs of y and y − 1',
  })
  evidence!: ShnorEvidenceType | null;

  @Field(() => [ObjectivityMarkerType], { description: 'Markers of y and y − 1' })
  markers!: ObjectivityMarkerType[];

  @Field(() => RiskProfileType, {
    nullable: true,
    description:
      'The 10-factor risk profile of year y; null without results and survey data ([§4](/docs/methodology#risk-profile))',
  })
  riskProfile!: RiskProfileType | null;

  @Field(() => SocialContextType, {
    nullable: true,
    description: 'Social well-being, ШНСУ and resilience in year y',
  })
  context!: SocialContextType | null;
}
