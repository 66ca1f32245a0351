import { Field, InputType } from 'type-graphql';
import { Locality, SchoolType } from '../enums.js';
import { PlaceFilter } from './place-filter.input.js';

@InputType({ description: 'Which schools: the places of PlaceFilter, narrowed by type, locality and name' })
export class SchoolFilter extends PlaceFilter {
  @Field(() => [SchoolType], { nullable: true })
  types?: SchoolType[];

  @Field(() => [Locality], { nullable: true })
  localities?: Locality[];

  @Field(() => String, { nullable: true, description: 'Case-insensitive part of the school name' })
  nameContains?: string;
}
