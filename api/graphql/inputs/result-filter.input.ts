import { Field, InputType, Int } from 'type-graphql';
import { Subject } from '../enums.js';
import { SchoolFilter } from './school-filter.input.js';

@InputType({ description: 'Which results: the schools of SchoolFilter, narrowed by year, grade and subject' })
export class ResultFilter extends SchoolFilter {
  @Field(() => [Int], { nullable: true })
  years?: number[];

  @Field(() => [Int], { nullable: true, description: 'ВПР grades (4–8, 10, 11); not allowed for ГИА' })
  grades?: number[];

  @Field(() => [Subject], { nullable: true })
  subjects?: Subject[];
}
