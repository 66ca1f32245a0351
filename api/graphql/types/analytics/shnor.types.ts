import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { describedValues } from '../../enum-values.js';
import { Subject } from '../../enums.js';
import { MethodologyRef } from './methodology.types.js';

export enum ShnorStatus {
  ELIGIBLE = 'ELIGIBLE',
  REVIEW = 'REVIEW',
  NOT_ELIGIBLE = 'NOT_ELIGIBLE',
  INSUFFICIENT_DATA = 'INSUFFICIENT_DATA',
}
registerEnumType(ShnorStatus, {
  name: 'ShnorStatus',
  valuesConfig: describedValues('ShnorStatus'),
  description: 'METHODOLOGY-V1 §2',
});

export enum ObjectivityPolicy {
  REVIEW = 'REVIEW',
  EXCLUDE = 'EXCLUDE',
  IGNORE = 'IGNORE',
}
registerEnumType(ObjectivityPolicy, {
  name: 'ObjectivityPolicy',
  valuesConfig: describedValues('ObjectivityPolicy'),
});

@ObjectType({
  simpleResolvers: true,
  description: 'The low-results indicators of §1 (shares pooled from counts)',
})
export class LowIndicatorsType {
  @Field(() => Float, { nullable: true, description: 'Σ «2» / Σ N over the ВПР core set' })
  vprLow!: number | null;

  @Field(() => Float, { nullable: true, description: 'Σ «2» / Σ N over ОГЭ RU, MA' })
  ogeLow!: number | null;

  @Field(() => Float, { nullable: true, description: 'Σ below minimum / Σ N over ЕГЭ RU, MAP, MAB' })
  egeLow!: number | null;

  @Field(() => Float, { nullable: true, description: 'Weighted mean of the defined components' })
  lowIndex!: number | null;
}

@ObjectType({ simpleResolvers: true, description: 'Everything one year contributed to the decision' })
export class YearEvidenceType extends LowIndicatorsType {
  @Field(() => Int)
  year!: number;

  @Field(() => Float, { nullable: true, description: 'PERCENT_RANK of lowIndex in the region (ascending)' })
  lowRank!: number | null;

  @Field(() => Boolean, { nullable: true, description: 'lowRank ≥ lowRankCut; null when not ranked' })
  low!: boolean | null;

  @Field(() => Int, { description: 'Pooled ВПР participants of the core set' })
  vprN!: number;

  @Field(() => Int)
  ogeN!: number;

  @Field(() => Int)
  egeN!: number;

  @Field(() => LowIndicatorsType, { description: 'The region’s values (all its schools pooled)' })
  region!: LowIndicatorsType;

  @Field(() => Int, { description: 'Ranked schools of the region that year' })
  schoolsRanked!: number;

  @Field({ description: 'An objectivity marker on a core grade × subject that year' })
  marked!: boolean;
}

@ObjectType({ simpleResolvers: true })
export class ShnorCutoffsType {
  @Field(() => Float)
  lowRankCut!: number;

  @Field(() => Int)
  minPooledVpr!: number;

  @Field(() => Int)
  minPooledGia!: number;
}

@ObjectType({ simpleResolvers: true, description: 'A sign of unobjective ВПР results (METHODOLOGY-V1 §3)' })
export class ObjectivityMarkerType {
  @Field(() => Int)
  year!: number;

  @Field(() => Int)
  grade!: number;

  @Field(() => Subject)
  subject!: Subject;

  @Field({ description: 'HIGH_VS_REGION, JOURNAL_MISMATCH, COHORT_DROP or SCORE_SPIKE' })
  code!: string;

  @Field(() => Float, { description: 'The measured quantity compared with the threshold' })
  value!: number;

  @Field(() => Float)
  threshold!: number;

  @Field(() => Float, { nullable: true })
  regionValue!: number | null;

  @Field({ description: 'In Russian, with the figures' })
  detail!: string;
}

@ObjectType({ simpleResolvers: true, description: 'What a ministry analyst needs to defend the decision' })
export class ShnorEvidenceType {
  @Field(() => YearEvidenceType)
  current!: YearEvidenceType;

  @Field(() => YearEvidenceType)
  previous!: YearEvidenceType;

  @Field(() => ShnorCutoffsType)
  cutoffs!: ShnorCutoffsType;

  @Field(() => ObjectivityPolicy)
  objectivityPolicy!: ObjectivityPolicy;

  @Field(() => MethodologyRef)
  methodology!: MethodologyRef;
}
