import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { WorkingGroupRole } from '../../../../schema/enums.js';
import { Municipality, Region } from '../place.types.js';
import { connectionType } from '../page-info.type.js';
import { OrderReference } from './orders.types.js';

registerEnumType(WorkingGroupRole, {
  name: 'WorkingGroupRole',
  description: 'The role of a working group member (SUPPORT-V1 §1)',
  valuesConfig: {
    CHAIR: { description: 'Председатель: one per group' },
    DEPUTY_CHAIR: { description: 'Заместитель председателя' },
    SECRETARY: { description: 'Секретарь: at most one per group' },
    MEMBER: { description: 'Член рабочей группы' },
  },
});

export { WorkingGroupRole };

@ObjectType('WorkingGroupMember', {
  simpleResolvers: true,
  description: 'A person of a working group, as the order names them',
})
export class WorkingGroupMemberType {
  @Field(() => ID)
  id!: string;

  @Field({ description: 'ФИО as written' })
  fullName!: string;

  @Field(() => String, { nullable: true, description: 'Должность' })
  position!: string | null;

  @Field(() => String, { nullable: true, description: 'Организация' })
  organisation!: string | null;

  @Field(() => WorkingGroupRole)
  role!: WorkingGroupRole;
}

@ObjectType('WorkingGroup', {
  simpleResolvers: true,
  description: 'Рабочая группа (SUPPORT-V1 §1) of a region or a municipality, formed by an order',
})
export class WorkingGroupType {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field(() => Region)
  region!: Region;

  @Field(() => Municipality, { nullable: true, description: 'null: the region’s own group' })
  municipality!: Municipality | null;

  @Field(() => OrderReference, { nullable: true, description: 'The order that formed the group' })
  order!: OrderReference | null;

  @Field(() => [WorkingGroupMemberType], {
    description: 'Chair, deputy chairs, secretary, members — each in the order they were added',
  })
  members!: WorkingGroupMemberType[];

  @Field()
  createdAt!: Date;
}

export const WorkingGroupConnection = connectionType(WorkingGroupType, 'WorkingGroup');
