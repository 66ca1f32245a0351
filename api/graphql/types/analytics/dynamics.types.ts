import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { describedValues } from '../../enum-values.js';
import { Subject } from '../../enums.js';
import { School } from '../school.type.js';
import { MethodologyRef } from './methodology.types.js';

export enum DynamicsEntity {
  SCHOOL = 'SCHOOL',
  MUNICIPALITY = 'MUNICIPALITY',
  REGION = 'REGION',
}
registerEnumType(DynamicsEntity, {
  name: 'DynamicsEntity',
  valuesConfig: describedValues('DynamicsEntity'),
  description: 'Whose series: a school (by code), a municipality (by id) or a region (by code)',
});

export enum DynamicsIndicator {
  VPR_LOW = 'VPR_LOW',
  OGE_LOW = 'OGE_LOW',
  EGE_LOW = 'EGE_LOW',
  LOW_INDEX = 'LOW_INDEX',
  SHARE2 = 'SHARE2',
  QUALITY = 'QUALITY',
  MEAN_MARK = 'MEAN_MARK',
}
registerEnumType(DynamicsIndicator, {
  name: 'DynamicsIndicator',
  description:
    'An indicator of [METHODOLOGY-V1 §1](/docs/methodology#indicators) followed over the years (§5)',
  valuesConfig: {
    VPR_LOW: { description: 'Σ «2» / Σ N over the ВПР core set' },
    OGE_LOW: { description: 'Σ «2» / Σ N over the ОГЭ subjects of the methodology' },
    EGE_LOW: { description: 'Σ below minimum / Σ N over the ЕГЭ subjects of the methodology' },
    LOW_INDEX: { description: 'Weighted mean of the defined low shares (not a share: no z-test)' },
    SHARE2: { description: 'ВПР share of «2» over a grade × subject slice (default: the core set)' },
    QUALITY: { description: 'ВПР (n4 + n5) / N over a grade × subject slice (default: the core set)' },
    MEAN_MARK: { description: 'ВПР mean mark over a grade × subject slice (not a share: no z-test)' },
  },
});

export enum CohortExam {
  VPR = 'VPR',
  OGE = 'OGE',
}
registerEnumType(CohortExam, {
  name: 'CohortExam',
  valuesConfig: describedValues('CohortExam'),
  description: 'ВПР (grades 4–8) or ОГЭ (grade 9)',
});

@ObjectType({
  simpleResolvers: true,
  description: 'One year of an indicator series ([METHODOLOGY-V1 §5](/docs/methodology#dynamics))',
})
export class DynamicsPoint {
  @Field(() => Int)
  year!: number;

  @Field(() => Float, { nullable: true, description: 'Null where the indicator is not defined' })
  value!: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Pooled numerator (for MEAN_MARK the sum of marks); null for LOW_INDEX',
  })
  numerator!: number | null;

  @Field(() => Int, { nullable: true, description: 'Pooled participants; null for LOW_INDEX' })
  denominator!: number | null;

  @Field(() => Float, { nullable: true, description: 'value(y) − value(y − 1)' })
  delta!: number | null;

  @Field(() => Float, { nullable: true, description: 'OLS slope per year over y − 2 … y' })
  trend!: number | null;

  @Field(() => [Int], {
    description:
      'The years of y − 2 … y with a value that `trend` used (it needs at least 2; fewer → trend null)',
  })
  trendYears!: number[];

  @Field(() => Float, { nullable: true, description: 'Two-proportion z of y against y − 1 (shares only)' })
  z!: number | null;

  @Field(() => Boolean, { nullable: true, description: '|z| ≥ zCritical; null when z is undefined' })
  significant!: boolean | null;
}

@ObjectType({
  simpleResolvers: true,
  description: 'An indicator of one school, municipality or region by year',
})
export class DynamicsSeries {
  @Field(() => DynamicsEntity)
  entity!: DynamicsEntity;

  @Field({ description: 'The id as asked: school code, municipality id or region code' })
  id!: string;

  @Field({ description: 'Name of the school, municipality or region' })
  name!: string;

  @Field(() => DynamicsIndicator)
  indicator!: DynamicsIndicator;

  @Field(() => MethodologyRef)
  methodology!: MethodologyRef;

  @Field(() => [DynamicsPoint], { description: 'In year order' })
  points!: DynamicsPoint[];
}

@ObjectType({ simpleResolvers: true, description: 'One year of a cohort: the school’s row and its region’s' })
export class CohortStep {
  @Field(() => Int)
  year!: number;

  @Field(() => Int)
  grade!: number;

  @Field(() => CohortExam)
  exam!: CohortExam;

  @Field(() => Int, { description: '0 when the school has no row that year' })
  participants!: number;

  @Field(() => Int)
  n2!: number;

  @Field(() => Float, { nullable: true })
  share2!: number | null;

  @Field(() => Float, { nullable: true })
  quality!: number | null;

  @Field(() => Float, { nullable: true })
  meanMark!: number | null;

  @Field(() => Float, { nullable: true, description: 'The region’s value (all its schools pooled)' })
  regionShare2!: number | null;

  @Field(() => Float, { nullable: true })
  regionQuality!: number | null;

  @Field(() => Float, { nullable: true })
  regionMeanMark!: number | null;
}

@ObjectType({
  simpleResolvers: true,
  description: 'One school’s cohort: grade g in y, g + 1 in y + 1, … ВПР to grade 8, ОГЭ in grade 9',
})
export class Cohort {
  @Field(() => School)
  school!: School;

  @Field(() => Subject)
  subject!: Subject;

  @Field(() => Int)
  startYear!: number;

  @Field(() => Int)
  startGrade!: number;

  @Field(() => MethodologyRef)
  methodology!: MethodologyRef;

  @Field(() => [CohortStep], { description: 'Cut at the newest year with data' })
  steps!: CohortStep[];
}
