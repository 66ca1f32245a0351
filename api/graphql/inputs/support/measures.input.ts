import { Field, Float, InputType } from 'type-graphql';

@InputType({ description: 'A new measure of a programme or plan' })
export class MeasureInput {
  @Field()
  title!: string;

  @Field(() => String, { nullable: true, description: 'The deadline as written (SUPPORT-V1 §2)' })
  deadlineText?: string;

  @Field(() => String, { nullable: true })
  responsible?: string;

  @Field(() => String, {
    nullable: true,
    description:
      'A METHODOLOGY-V1 §4 indicator code, SR_VPR_LOW, DIAG_SHARE2_RU or DIAG_SHARE2_MA (with targetValue)',
  })
  targetIndicator?: string;

  @Field(() => Float, { nullable: true, description: 'The value aimed at (with targetIndicator)' })
  targetValue?: number;
}
