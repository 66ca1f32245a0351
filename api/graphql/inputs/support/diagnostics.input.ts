import { GraphQLDate } from 'graphql-scalars';
import { Field, InputType, Int } from 'type-graphql';
import { DiagnosticStage, DiagnosticSubject } from '../../../../schema/enums.js';
import { PlaceFilter } from '../place-filter.input.js';

@InputType({ description: 'Which diagnostics: the places of PlaceFilter and grades' })
export class DiagnosticFilter extends PlaceFilter {
  @Field(() => [Int], { nullable: true })
  grades?: number[];
}

@InputType({
  description: 'A school’s diagnostic: counts of marks only, no personal data; n2 + n3 + n4 + n5 = n',
})
export class RecordDiagnosticInput {
  @Field()
  schoolCode!: string;

  @Field(() => Int, { description: '1..11' })
  grade!: number;

  @Field(() => DiagnosticSubject)
  subject!: DiagnosticSubject;

  @Field(() => DiagnosticStage)
  stage!: DiagnosticStage;

  @Field(() => GraphQLDate)
  date!: Date;

  @Field(() => Int, { description: 'N: the students who wrote it (≥ 1)' })
  n!: number;

  @Field(() => Int)
  n2!: number;

  @Field(() => Int)
  n3!: number;

  @Field(() => Int)
  n4!: number;

  @Field(() => Int)
  n5!: number;
}
