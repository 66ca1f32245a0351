import { GraphQLDate } from 'graphql-scalars';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { AssignmentKind } from '../../../../schema/enums.js';
import { Municipality, Region } from '../place.types.js';
import { connectionType } from '../page-info.type.js';
import { OrderReference } from './orders.types.js';
import { SchoolReference } from './partnerships.types.js';

registerEnumType(AssignmentKind, {
  name: 'AssignmentKind',
  description: 'What a person is assigned as (SUPPORT-V1 §1)',
  valuesConfig: {
    COORDINATOR: { description: 'Муниципальный координатор: of a municipality' },
    CURATOR: { description: 'Куратор: of a school; a CURATOR token naming the person reads that school' },
  },
});

export { AssignmentKind };

@ObjectType('AssignedPerson', { simpleResolvers: true, description: 'The person an order assigns' })
export class AssignedPerson {
  @Field({ description: 'ФИО as written' })
  fullName!: string;

  @Field({ description: 'The person’s identity: the `person` claim of a CURATOR token' })
  key!: string;
}

@ObjectType('Assignment', {
  simpleResolvers: true,
  description:
    'A coordinator of a municipality or a curator of a school, from … to (both included; to null: open), set by the municipality',
})
export class AssignmentType {
  @Field(() => ID)
  id!: string;

  @Field(() => AssignmentKind)
  kind!: AssignmentKind;

  @Field(() => AssignedPerson)
  person!: AssignedPerson;

  @Field(() => Region)
  region!: Region;

  @Field(() => Municipality)
  municipality!: Municipality;

  @Field(() => SchoolReference, { nullable: true, description: 'The curated school; null for a coordinator' })
  school!: SchoolReference | null;

  @Field(() => GraphQLDate)
  from!: string;

  @Field(() => GraphQLDate, { nullable: true, description: 'null: open' })
  to!: string | null;

  @Field(() => OrderReference, { nullable: true, description: 'The order that assigned the person' })
  order!: OrderReference | null;

  @Field()
  createdAt!: Date;
}

export const AssignmentConnection = connectionType(AssignmentType, 'Assignment');
