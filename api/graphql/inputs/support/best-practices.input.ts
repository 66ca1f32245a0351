import { Field, InputType, Int } from 'type-graphql';

@InputType({ description: 'A new best practice of a school; unpublished until publishBestPractice' })
export class CreateBestPracticeInput {
  @Field()
  schoolCode!: string;

  @Field()
  title!: string;

  @Field()
  text!: string;

  @Field(() => [String], { nullable: true })
  tags?: string[];

  @Field(() => Int, { nullable: true, description: 'k of Rk (1..10), or none' })
  riskFactor?: number;
}
