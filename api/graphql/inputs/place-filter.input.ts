import { Field, ID, InputType } from 'type-graphql';

/**
 * Which places: the one place filter of every query over schools (analytics as `filter`, and the
 * first fields of SchoolFilter and ResultFilter). Every given condition must hold.
 */
@InputType({ description: 'Which places: every given condition must hold' })
export class PlaceFilter {
  @Field(() => [String], { nullable: true, description: 'Region codes, e.g. ["56", "23"]' })
  regionCodes?: string[];

  @Field(() => [ID], { nullable: true })
  municipalityIds?: string[];

  @Field(() => [String], { nullable: true, description: 'School codes (logins)' })
  schoolCodes?: string[];
}
