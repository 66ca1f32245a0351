import { Ctx, Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { describedValues } from '../../enum-values.js';
import { type Context } from '../../../context.js';
import { connectionType } from '../page-info.type.js';
import { Municipality, Region } from '../place.types.js';
import { MethodologyRef } from './methodology.types.js';

export enum RiskLevel {
  HIGH = 'HIGH',
  MEDIUM = 'MEDIUM',
  LOW = 'LOW',
  NO_DATA = 'NO_DATA',
}
registerEnumType(RiskLevel, {
  name: 'RiskLevel',
  valuesConfig: describedValues('RiskLevel'),
  description:
    'Level of a risk factor ([METHODOLOGY-V1 §4](/docs/methodology#risk-profile)): HIGH ≥ highLevel, MEDIUM ≥ mediumLevel',
});

export enum RiskDirection {
  HIGH_IS_RISK = 'HIGH_IS_RISK',
  LOW_IS_RISK = 'LOW_IS_RISK',
}
registerEnumType(RiskDirection, {
  name: 'RiskDirection',
  valuesConfig: describedValues('RiskDirection'),
  description: 'Which side of the cut-offs is risky',
});

@ObjectType('RiskIndicator', {
  simpleResolvers: true,
  description: 'One indicator of a risk factor, with its cut-offs',
})
export class RiskIndicatorType {
  @Field() code!: string;

  @Field(() => Float) value!: number;

  @Field(() => Int, { description: 'r_i: 0, 1 (beyond cut1) or 2 (beyond cut2)' })
  risk!: number;

  @Field(() => Float) cut1!: number;
  @Field(() => Float) cut2!: number;
  @Field(() => RiskDirection) direction!: RiskDirection;
  @Field(() => Float) weight!: number;
}

@ObjectType('RiskFactor', {
  simpleResolvers: true,
  description: 'One of the risk factors R1…R10 of a school-year',
})
export class RiskFactorType {
  @Field(() => Int, { description: 'Factor number: 1 for R1 … 10 for R10' })
  factor!: number;

  // A getter, so that the analytics' RiskFactorResult can be returned as it is.
  @Field(() => String, { description: '"R1" … "R10"' })
  get code(): string {
    return `R${this.factor}`;
  }

  @Field() nameRu!: string;

  @Field(() => Float, { nullable: true, description: 'Σ w r / (2 Σ w); null when no indicator has a value' })
  score!: number | null;

  @Field(() => RiskLevel) level!: RiskLevel;

  @Field(() => [RiskIndicatorType], { description: 'Only the indicators with a value for the school-year' })
  indicators!: RiskIndicatorType[];
}

@ObjectType('RiskProfile', {
  simpleResolvers: true,
  description:
    'Рисковый профиль of a school in one year ([METHODOLOGY-V1 §4](/docs/methodology#risk-profile))',
})
export class RiskProfileType {
  schoolId!: number;

  @Field(() => Int) year!: number;

  @Field(() => [RiskFactorType], { description: 'All factors, in numeric order' })
  factors!: RiskFactorType[];

  @Field(() => [Int], {
    description: 'Up to priorityCount factor numbers at MEDIUM or above, highest score first, ties by number',
  })
  priorityRisks!: number[];
}

const Page = connectionType(RiskProfileType, 'RiskProfile', { extended: true });

@ObjectType({ simpleResolvers: true })
export class RiskProfileConnection extends Page {
  @Field(() => Int) year!: number;
  @Field(() => MethodologyRef) methodology!: MethodologyRef;

  @Field(() => Int, { description: 'Data version the answer was computed from' })
  dataVersion!: number;
}

@ObjectType('RiskFactorSummaryRow', {
  simpleResolvers: true,
  description: 'How many schools of a region or municipality are at each level of one factor',
})
export class RiskFactorSummaryRowType {
  regionId!: number;
  municipalityId!: number | null;

  // Inline field resolvers: this type has no resolver class of its own (the schema lists resolvers).
  @Field(() => Region)
  region(@Ctx() ctx: Context) {
    return ctx.loaders.region.load(this.regionId);
  }

  @Field(() => Municipality, { nullable: true, description: 'Null when grouped by region' })
  municipality(@Ctx() ctx: Context) {
    return this.municipalityId === null ? null : ctx.loaders.municipality.load(this.municipalityId);
  }

  @Field(() => Int) factor!: number;

  @Field() code!: string;

  @Field() nameRu!: string;

  @Field(() => Int, { description: 'Profiled schools of the group in the viewer’s scope: the denominator' })
  schools!: number;

  @Field(() => Int) high!: number;
  @Field(() => Int) medium!: number;
  @Field(() => Int) low!: number;
  @Field(() => Int) noData!: number;

  @Field(() => Float, { nullable: true })
  highShare!: number | null;

  @Field(() => Float, { nullable: true })
  mediumShare!: number | null;

  @Field(() => Float, { nullable: true })
  lowShare!: number | null;

  @Field(() => Float, { nullable: true })
  noDataShare!: number | null;
}

@ObjectType('RiskFactorSummary', { simpleResolvers: true })
export class RiskFactorSummaryType {
  @Field(() => Int) year!: number;
  @Field(() => MethodologyRef) methodology!: MethodologyRef;
  @Field(() => Int) dataVersion!: number;

  @Field(() => [RiskFactorSummaryRowType], { description: 'One row per group × factor' })
  rows!: RiskFactorSummaryRowType[];
}

@ObjectType('ContextComponent', {
  simpleResolvers: true,
  description: 'One context share in swi, with its signed z-score',
})
export class ContextComponentType {
  @Field() code!: string;

  @Field(() => Float) value!: number;

  @Field(() => Int, { description: '+1 well-being, −1 disadvantage' })
  sign!: number;

  @Field(() => Float, { description: 'sign · (value − mean) / SD within (region, year)' })
  z!: number;
}

@ObjectType('SocialContext', {
  simpleResolvers: true,
  description: 'Social context (ШНСУ) and resilience ([METHODOLOGY-V1 §6](/docs/methodology#social-context))',
})
export class SocialContextType {
  @Field(() => Float, { nullable: true, description: 'Индекс социального благополучия' })
  swi!: number | null;

  @Field(() => Float, { nullable: true, description: 'PERCENT_RANK of swi within the region, ascending' })
  swiRank!: number | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'ШНСУ: swiRank ≤ difficultContextCut; null without swi',
  })
  difficultContext!: boolean | null;

  @Field(() => Boolean, {
    description: 'Difficult context, lowRank ≤ resilientLowRankMax and no core marker this year',
  })
  resilient!: boolean;

  @Field(() => [ContextComponentType])
  components!: ContextComponentType[];
}
