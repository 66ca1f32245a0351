import { GraphQLDate } from 'graphql-scalars';
import { Field, ID, ObjectType } from 'type-graphql';
import { Municipality, Region } from '../place.types.js';
import { connectionType } from '../page-info.type.js';

/**
 * An order as another row cites it: number, date and issuer. Orders are public legal acts, so a
 * citation is shown with the row that cites it even when the cited order belongs to a place
 * outside the viewer's scope (a municipal order founded on a regional one).
 */
@ObjectType('OrderReference', {
  simpleResolvers: true,
  description:
    'An order as cited: a stored order (`id`), or one given only by its number, date and issuer as written (`id` null)',
})
export class OrderReference {
  @Field(() => ID, { nullable: true, description: 'The stored order; null when only its text was given' })
  id!: string | null;

  @Field({ description: 'Its number as written, e.g. «01-21/744»' })
  number!: string;

  @Field(() => GraphQLDate, { nullable: true })
  date!: string | null;

  @Field(() => String, { nullable: true })
  issuer!: string | null;
}

@ObjectType('SupportOrder', {
  simpleResolvers: true,
  description:
    'Приказ (SUPPORT-V1 §1): of a region, or of a municipality of it; written by the analyst of that place',
})
export class SupportOrderType {
  @Field(() => ID)
  id!: string;

  @Field({ description: 'As written, e.g. «01-10/142-2»' })
  number!: string;

  @Field(() => GraphQLDate)
  date!: string;

  @Field({ description: 'e.g. «Отдел образования администрации Пономаревского района»' })
  issuer!: string;

  @Field(() => Region, { description: 'The issuer’s region' })
  region!: Region;

  @Field(() => Municipality, {
    nullable: true,
    description: 'The issuer’s municipality; null: an order of the region',
  })
  municipality!: Municipality | null;

  @Field()
  title!: string;

  @Field(() => OrderReference, {
    nullable: true,
    description: 'The order this one is issued on the basis of (stored, or as written)',
  })
  basis!: OrderReference | null;

  @Field()
  createdAt!: Date;
}

export const SupportOrderConnection = connectionType(SupportOrderType, 'SupportOrder');
