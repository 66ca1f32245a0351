import { Field, Float, InputType, Int } from 'type-graphql';
import { ObjectivityPolicy } from '../types/analytics/shnor.types.js';

/** What-if overrides: any subset of the parameters of METHODOLOGY-V1 (see analytics/methodology/params.ts). */
@InputType()
export class IndicatorOverridesInput {
  @Field(() => [Int], { nullable: true }) coreGrades?: number[];
  @Field(() => [String], { nullable: true }) coreSubjects?: string[];
  @Field(() => [String], { nullable: true }) ogeSubjects?: string[];
  @Field(() => [String], { nullable: true }) egeSubjects?: string[];
  @Field(() => Int, { nullable: true }) minPooledVpr?: number;
  @Field(() => Int, { nullable: true }) minPooledGia?: number;
  @Field(() => Float, { nullable: true }) wVpr?: number;
  @Field(() => Float, { nullable: true }) wOge?: number;
  @Field(() => Float, { nullable: true }) wEge?: number;
}

@InputType()
export class EligibilityOverridesInput {
  @Field(() => Float, { nullable: true }) lowRankCut?: number;
  @Field(() => ObjectivityPolicy, { nullable: true }) objectivityPolicy?: ObjectivityPolicy;
}

@InputType()
export class MarkerOverridesInput {
  @Field(() => Int, { nullable: true }) minMarkerN?: number;
  @Field(() => Float, { nullable: true }) highVsRegionQualityGap?: number;
  @Field(() => [String], { nullable: true }) highVsRegionExemptTypes?: string[];
  @Field(() => Float, { nullable: true }) journalRaisedShare?: number;
  @Field(() => [String], { nullable: true }) cohortSubjects?: string[];
  @Field(() => Float, { nullable: true }) cohortDropMeanMark?: number;
  @Field(() => Float, { nullable: true }) spikeScoreFraction?: number;
  @Field(() => Float, { nullable: true }) spikeShare?: number;
}

@InputType()
export class RiskIndicatorOverrideInput {
  @Field() code!: string;
  @Field(() => Int, { nullable: true }) factor?: number;
  @Field(() => String, { nullable: true, description: 'HIGH_IS_RISK or LOW_IS_RISK' }) direction?:
    | 'HIGH_IS_RISK'
    | 'LOW_IS_RISK';
  @Field(() => Float, { nullable: true }) cut1?: number;
  @Field(() => Float, { nullable: true }) cut2?: number;
  @Field(() => Float, { nullable: true }) weight?: number;
}

@InputType()
export class RiskOverridesInput {
  @Field(() => Float, { nullable: true }) highLevel?: number;
  @Field(() => Float, { nullable: true }) mediumLevel?: number;
  @Field(() => Int, { nullable: true }) priorityCount?: number;
  @Field(() => [RiskIndicatorOverrideInput], { nullable: true, description: 'Merged by code' })
  indicators?: RiskIndicatorOverrideInput[];
}

@InputType()
export class DynamicsOverridesInput {
  @Field(() => Int, { nullable: true }) trendYears?: number;
  @Field(() => Float, { nullable: true }) zCritical?: number;
}

@InputType()
export class ContextOverridesInput {
  @Field(() => Float, { nullable: true }) difficultContextCut?: number;
  @Field(() => Float, { nullable: true }) resilientLowRankMax?: number;
}

@InputType({ description: 'What-if: parameters to change for this request only' })
export class MethodologyOverridesInput {
  @Field(() => IndicatorOverridesInput, { nullable: true }) indicators?: IndicatorOverridesInput;
  @Field(() => EligibilityOverridesInput, { nullable: true }) eligibility?: EligibilityOverridesInput;
  @Field(() => MarkerOverridesInput, { nullable: true }) markers?: MarkerOverridesInput;
  @Field(() => RiskOverridesInput, { nullable: true }) risk?: RiskOverridesInput;
  @Field(() => DynamicsOverridesInput, { nullable: true }) dynamics?: DynamicsOverridesInput;
  @Field(() => ContextOverridesInput, { nullable: true }) context?: ContextOverridesInput;
}
