import { Field, Float, Int, ObjectType } from 'type-graphql';
import { Subject } from '../enums.js';
import { MarkStatistics } from './mark-statistics.type.js';

@ObjectType({
  simpleResolvers: true,
  description: 'ВПР results of a school in one year, grade and subject (counts and pooled shares)',
})
export class VprResult extends MarkStatistics {
  @Field(() => Int)
  year!: number;

  @Field(() => Int)
  grade!: number;

  @Field(() => Subject)
  subject!: Subject;

  @Field(() => Int, { nullable: true, description: '«Понизили»: ВПР mark below the journal mark' })
  lowered!: number | null;

  @Field(() => Int, { nullable: true, description: '«Подтвердили»: ВПР mark equal to the journal mark' })
  confirmed!: number | null;

  @Field(() => Int, { nullable: true, description: '«Повысили»: ВПР mark above the journal mark' })
  raised!: number | null;

  @Field(() => Float, { nullable: true, description: 'lowered / participants' })
  loweredShare!: number | null;

  @Field(() => Float, { nullable: true, description: 'confirmed / participants' })
  confirmedShare!: number | null;

  @Field(() => Float, { nullable: true, description: 'raised / participants' })
  raisedShare!: number | null;

  @Field(() => Int, { nullable: true, description: 'Maximum primary score of the work' })
  maxScore!: number | null;

  @Field(() => [Int], { nullable: true, description: 'Participants per primary score 0..maxScore' })
  scores!: number[] | null;
}

@ObjectType({ simpleResolvers: true, description: 'ОГЭ results of a school in one year and subject' })
export class OgeResult extends MarkStatistics {
  @Field(() => Int)
  year!: number;

  @Field(() => Subject)
  subject!: Subject;

  @Field(() => Float, { nullable: true, description: 'Средний первичный балл' })
  meanPrimary!: number | null;
}

@ObjectType({ simpleResolvers: true, description: 'ЕГЭ results of a school in one year and subject' })
export class EgeResult {
  @Field(() => Int)
  year!: number;

  @Field(() => Subject)
  subject!: Subject;

  @Field(() => Int)
  participants!: number;

  @Field(() => Int, { description: 'Не преодолели минимальный порог' })
  belowMin!: number;

  @Field(() => Float, { nullable: true, description: 'belowMin / participants' })
  belowMinShare!: number | null;

  @Field(() => Float, { nullable: true, description: 'Средний тестовый балл (none for base maths)' })
  meanScore!: number | null;
}

@ObjectType({ simpleResolvers: true, description: 'A survey or context indicator of a school in a year' })
export class IndicatorValue {
  @Field(() => Int)
  year!: number;

  @Field({
    description:
      'Indicator code ([risk indicators](/docs/methodology#risk-indicator-parameters), [file format](/docs/data-formats#kind-indicators))',
  })
  code!: string;

  @Field(() => Float)
  value!: number;
}
