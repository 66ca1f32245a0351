import { GraphQLDate } from 'graphql-scalars';
import { Field, ID, ObjectType } from 'type-graphql';
import { Municipality } from '../place.types.js';
import { connectionType } from '../page-info.type.js';
import { OrderReference } from './orders.types.js';

/**
 * A school as a support row names it. Its code and name are public registry data (ФИС ОКО logins
 * and names, shown with the row that names them); `school` — the school with its results and
 * analytics — is there only when the school lies in the viewer's scope. So a curator sees which
 * school partners its own, and never the partner's results.
 */
@ObjectType('SchoolReference', {
  simpleResolvers: true,
  description:
    'A school as named by a support row: code and name (public registry data); `school`, with its results, only when the school is in the viewer’s scope',
})
export class SchoolReference {
  id!: number;

  @Field({ description: 'Логин ОО' })
  code!: string;

  @Field()
  name!: string;

  @Field(() => Municipality)
  municipality!: Municipality;

  @Field({ description: 'Whether the school lies in the viewer’s scope (only then is `school` given)' })
  inScope!: boolean;
}

@ObjectType('Partnership', {
  simpleResolvers: true,
  description:
    'Сетевое партнёрство (SUPPORT-V1 §1): a listed school and its partner, from … to (both included; to null: open). ' +
    'Read by the viewers whose scope holds the listed school; the partner is named by code and name only, unless it is in scope too',
})
export class PartnershipType {
  @Field(() => ID)
  id!: string;

  @Field(() => SchoolReference, { description: 'The school of the ШНОР list' })
  listedSchool!: SchoolReference;

  @Field(() => SchoolReference, { description: 'Its partner school' })
  partnerSchool!: SchoolReference;

  @Field(() => OrderReference, { nullable: true })
  basisOrder!: OrderReference | null;

  @Field(() => GraphQLDate)
  from!: string;

  @Field(() => GraphQLDate, { nullable: true, description: 'null: open' })
  to!: string | null;

  @Field()
  createdAt!: Date;
}

export const PartnershipConnection = connectionType(PartnershipType, 'Partnership');
