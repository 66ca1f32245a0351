import { Field, InputType } from 'type-graphql';

@InputType({ description: 'The person an order assigns' })
export class PersonInput {
  @Field({ description: 'ФИО as written' })
  fullName!: string;

  @Field({ description: 'The person’s identity, as a CURATOR token names it in its `person` claim' })
  key!: string;
}
