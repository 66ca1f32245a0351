import { Field, Float, ID, ObjectType } from 'type-graphql';

@ObjectType('Measure', {
  simpleResolvers: true,
  description: 'A measure (мероприятие) of a school’s programme or plan (SUPPORT-V1 §1 Measure)',
})
export class MeasureType {
  @Field(() => ID)
  id!: string;

  @Field(() => ID, { description: 'The programme: a school document' })
  programmeId!: string;

  @Field()
  title!: string;

  @Field({
    description: 'The deadline as written (SUPPORT-V1 §2), e.g. «октябрь 2026 года»; empty when none',
  })
  deadlineText!: string;

  @Field(() => String, { nullable: true })
  responsible!: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'The indicator aimed at: a METHODOLOGY-V1 §4 code, SR_VPR_LOW, DIAG_SHARE2_RU or DIAG_SHARE2_MA',
  })
  targetIndicator!: string | null;

  @Field(() => Float, { nullable: true, description: 'The value aimed at (with targetIndicator)' })
  targetValue!: number | null;

  @Field()
  createdAt!: Date;
}
