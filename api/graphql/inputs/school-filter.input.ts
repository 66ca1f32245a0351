import { Field, ID, InputType } from 'type-graphql';
import { Locality, SchoolType } from '../enums.js';

@InputType({ description: 'Which schools: every given condition must hold' })
export class SchoolFilter {
  @Field(() => [String], { nullable: true, description: 'Region codes, e.g. ["56", "23"]' })
  regionCodes?: string[];

  @Field(() => [ID], { nullable: true })
  municipalityIds?: string[];

  @Field(() => [String], { nullable: true, description: 'School codes (logins)' })
  schoolCodes?: string[];

  @Field(() => [SchoolType], { nullable: true })
  types?: SchoolType[];

  @Field(() => [Locality], { nullable: true })
  localities?: Locality[];

  @Field(() => String, { nullable: true, description: 'Case-insensitive part of the school name' })
  nameContains?: string;
}
