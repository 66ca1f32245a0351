import { GraphQLDate } from 'graphql-scalars';
import { Field, ID, InputType } from 'type-graphql';

@InputType({
  description:
    'A new order (приказ) as issued. Its basis: a stored order (`basisOrderId`) or, when that one is not stored, its number, date and issuer as written — not both',
})
export class CreateSupportOrderInput {
  @Field({ description: 'As written, e.g. «01-10/142-2»' })
  number!: string;

  @Field(() => GraphQLDate)
  date!: Date;

  @Field({ description: 'e.g. «Отдел образования администрации Пономаревского района»' })
  issuer!: string;

  @Field({ description: 'The issuer’s region, e.g. «56»' })
  regionCode!: string;

  @Field(() => ID, {
    nullable: true,
    description: 'The issuer’s municipality; absent: an order of the region',
  })
  municipalityId?: string | null;

  @Field()
  title!: string;

  @Field(() => ID, { nullable: true, description: 'A stored order of the same region' })
  basisOrderId?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The basis order’s number as written, when it is not stored',
  })
  basisNumber?: string | null;

  @Field(() => GraphQLDate, { nullable: true })
  basisDate?: Date | null;

  @Field(() => String, { nullable: true })
  basisIssuer?: string | null;
}
