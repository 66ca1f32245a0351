import { Field, Float, Int, ObjectType } from 'type-graphql';

@ObjectType('MarkerFigures', {
  simpleResolvers: true,
  description:
    'A marker’s own figures as numbers (the ones its `detail` quotes): `participants` always, the others by rule, null where the rule has none',
})
export class MarkerFiguresType {
  @Field(() => Int, { description: 'N of the marked row (COHORT_DROP: the grade-4 row)' })
  participants!: number;

  @Field(() => Int, { nullable: true, description: 'HIGH_VS_REGION: n4 + n5 of the row' })
  qualityCount!: number | null;

  @Field(() => Float, { nullable: true, description: 'HIGH_VS_REGION: (n4 + n5)/N of the school' })
  quality!: number | null;

  @Field(() => Float, { nullable: true, description: 'HIGH_VS_REGION: the region’s quality, same (y, g, j)' })
  regionQuality!: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'JOURNAL_MISMATCH: «Повысили» (ВПР mark above the journal)',
  })
  raised!: number | null;

  @Field(() => Float, { nullable: true, description: 'COHORT_DROP: the school’s mean mark, grade 4 in y' })
  meanMark!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'COHORT_DROP: the school’s mean mark, grade 5 in y + 1',
  })
  nextMeanMark!: number | null;

  @Field(() => Int, { nullable: true, description: 'COHORT_DROP: N of the grade-5 row in y + 1' })
  nextParticipants!: number | null;

  @Field(() => Float, { nullable: true, description: 'COHORT_DROP: the region’s mean mark, grade 4 in y' })
  regionMeanMark!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'COHORT_DROP: the region’s mean mark, grade 5 in y + 1',
  })
  regionNextMeanMark!: number | null;

  @Field(() => Float, { nullable: true, description: 'COHORT_DROP: meanMark − nextMeanMark' })
  schoolDrop!: number | null;

  @Field(() => Float, { nullable: true, description: 'COHORT_DROP: regionMeanMark − regionNextMeanMark' })
  regionDrop!: number | null;

  @Field(() => Int, { nullable: true, description: 'SCORE_SPIKE: the primary score held by the most' })
  score!: number | null;

  @Field(() => Int, { nullable: true, description: 'SCORE_SPIKE: how many participants hold it' })
  scoreCount!: number | null;

  @Field(() => Int, { nullable: true, description: 'SCORE_SPIKE: the maximum primary score' })
  maxScore!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'SCORE_SPIKE: spikeScoreFraction × maxScore, the lowest score counted (inclusive)',
  })
  minCountedScore!: number | null;
}
