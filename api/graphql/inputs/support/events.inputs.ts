import { GraphQLDate } from 'graphql-scalars';
import { Field, ID, InputType, Int } from 'type-graphql';
import { EventKind, EventLevel } from '../../types/support/events.types.js';

@InputType({
  description:
    'A new support event. The organiser: a region (regionCode), a municipality of it (municipalityId) or a school (schoolCode); ' +
    'its analyst, or the school itself, writes it',
})
export class CreateSupportEventInput {
  @Field(() => EventKind)
  kind!: EventKind;

  @Field(() => GraphQLDate)
  date!: Date;

  @Field(() => EventLevel)
  level!: EventLevel;

  @Field()
  title!: string;

  @Field(() => Int, { description: '≥ 0' })
  participants!: number;

  @Field({ description: 'The organiser’s region, e.g. «56»' })
  regionCode!: string;

  @Field(() => ID, {
    nullable: true,
    description: 'The organising municipality (or the organising school’s)',
  })
  municipalityId?: string | null;

  @Field(() => String, { nullable: true, description: 'The organising school' })
  schoolCode?: string | null;

  @Field(() => [String], {
    nullable: true,
    description:
      'The schools it reached: each in the viewer’s scope (else BAD_USER_INPUT on input.schoolCodes[i])',
  })
  schoolCodes?: string[] | null;
}
