import { Field, ID, Int, ObjectType } from 'type-graphql';
import { connectionType } from '../page-info.type.js';

@ObjectType('BestPractice', {
  simpleResolvers: true,
  description: 'A best practice (лучшая практика) of a school (SUPPORT-V1 §1)',
})
export class BestPracticeType {
  @Field(() => ID)
  id!: string;

  schoolId!: number;

  @Field()
  schoolCode!: string;

  @Field()
  schoolName!: string;

  @Field()
  title!: string;

  @Field()
  text!: string;

  @Field(() => [String])
  tags!: string[];

  @Field(() => Int, { nullable: true, description: 'k of Rk (1..10), or none' })
  riskFactor!: number | null;

  @Field({ description: 'Published practices are read by every role but PUBLIC' })
  published!: boolean;

  @Field()
  createdAt!: Date;
}

export const BestPracticeConnection = connectionType(BestPracticeType, 'BestPractice');
