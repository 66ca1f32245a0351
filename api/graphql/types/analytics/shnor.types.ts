import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { describedValues } from '../../enum-values.js';
import { Subject } from '../../enums.js';
import { MarkerFiguresType } from './marker-figures.type.js';
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
  description: '[METHODOLOGY-V1 §2](/docs/methodology#statuses)',
});

export enum StatusRule {
  NO_RESULTS = 'NO_RESULTS',
  NOT_RANKED_BOTH_YEARS = 'NOT_RANKED_BOTH_YEARS',
  NOT_RANKED_LIST_YEAR = 'NOT_RANKED_LIST_YEAR',
  NOT_RANKED_PREVIOUS_YEAR = 'NOT_RANKED_PREVIOUS_YEAR',
  NOT_LOW = 'NOT_LOW',
  LOW_TWICE = 'LOW_TWICE',
  LOW_TWICE_MARKED_REVIEW = 'LOW_TWICE_MARKED_REVIEW',
  LOW_TWICE_MARKED_EXCLUDED = 'LOW_TWICE_MARKED_EXCLUDED',
  LOW_TWICE_MARKED_IGNORED = 'LOW_TWICE_MARKED_IGNORED',
}
registerEnumType(StatusRule, {
  name: 'StatusRule',
  valuesConfig: describedValues('StatusRule'),
  description:
    'Which rule of [METHODOLOGY-V1 §2](/docs/methodology#statuses) decided a status (the code beside the Russian sentence)',
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

@ObjectType('RegionValues', {
  simpleResolvers: true,
  description:
    'A region’s values of one year with the pooled counts behind them (null in lists stored before they were recorded)',
})
export class RegionValuesType extends LowIndicatorsType {
  @Field(() => Int, {
    nullable: true,
    description: 'Σ «2» over the ВПР core set of all the region’s schools',
  })
  vprN2!: number | null;

  @Field(() => Int, { nullable: true, description: 'Σ participants over the ВПР core set' })
  vprN!: number | null;

  @Field(() => Int, { nullable: true, description: 'Σ «2» over the ОГЭ subjects' })
  ogeN2!: number | null;

  @Field(() => Int, { nullable: true, description: 'Σ participants over the ОГЭ subjects' })
  ogeN!: number | null;

  @Field(() => Int, { nullable: true, description: 'Σ below the minimum over the ЕГЭ subjects' })
  egeBelow!: number | null;

  @Field(() => Int, { nullable: true, description: 'Σ participants over the ЕГЭ subjects' })
  egeN!: number | null;
}

@ObjectType('YearEvidence', {
  simpleResolvers: true,
  description: 'Everything one year contributed to the decision',
})
export class YearEvidenceType extends LowIndicatorsType {
  @Field(() => Int)
  year!: number;

  @Field(() => Float, {
    nullable: true,
    description: 'PERCENT_RANK of lowIndex in the region (ascending): (rank − 1)/(schoolsRanked − 1)',
  })
  lowRank!: number | null;

  @Field(() => Int, {
    nullable: true,
    description:
      'RANK() of lowIndex ascending among the region’s ranked schools (ties share the lowest); null when not ranked',
  })
  rank!: number | null;

  @Field(() => Boolean, { nullable: true, description: 'lowRank ≥ lowRankCut; null when not ranked' })
  low!: boolean | null;

  @Field(() => Int, { description: 'Pooled ВПР participants of the core set (the denominator of vprLow)' })
  vprN!: number;

  @Field(() => Int, { description: 'Pooled ОГЭ participants (the denominator of ogeLow)' })
  ogeN!: number;

  @Field(() => Int, { description: 'Pooled ЕГЭ participants (the denominator of egeLow)' })
  egeN!: number;

  @Field(() => Int, {
    nullable: true,
    description:
      'Σ «2» over the ВПР core set (the numerator of vprLow); null in lists stored before it was recorded',
  })
  vprN2!: number | null;

  @Field(() => Int, { nullable: true, description: 'Σ «2» over the ОГЭ subjects (the numerator of ogeLow)' })
  ogeN2!: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Σ below the minimum over the ЕГЭ subjects (the numerator of egeLow)',
  })
  egeBelow!: number | null;

  @Field({
    description: 'The school has results of ВПР, ОГЭ or ЕГЭ in the methodology’s subject sets that year',
  })
  hasResults!: boolean;

  @Field(() => RegionValuesType, { description: 'The region’s values (all its schools pooled)' })
  region!: RegionValuesType;

  @Field(() => Int, { description: 'Ranked schools of the region that year' })
  schoolsRanked!: number;

  @Field({ description: 'An objectivity marker on a core grade × subject that year' })
  marked!: boolean;
}

@ObjectType('ShnorCutoffs', { simpleResolvers: true })
export class ShnorCutoffsType {
  @Field(() => Float)
  lowRankCut!: number;

  @Field(() => Int)
  minPooledVpr!: number;

  @Field(() => Int)
  minPooledGia!: number;
}

@ObjectType('ObjectivityMarker', {
  simpleResolvers: true,
  description:
    'A sign of unobjective ВПР results ([METHODOLOGY-V1 §3](/docs/methodology#objectivity-markers))',
})
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

  @Field(() => MarkerFiguresType, {
    nullable: true,
    description: 'The figures of `detail` as fields; null only in lists stored before figures were recorded',
  })
  figures!: MarkerFiguresType | null;
}

@ObjectType('ShnorEvidence', {
  simpleResolvers: true,
  description: 'What a ministry analyst needs to defend the decision',
})
export class ShnorEvidenceType {
  @Field(() => StatusRule, {
    description: 'The line of [METHODOLOGY-V1 §2](/docs/methodology#statuses) that decided the status',
  })
  rule!: StatusRule;

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
