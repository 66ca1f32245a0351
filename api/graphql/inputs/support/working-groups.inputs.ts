import { Field, ID, InputType } from 'type-graphql';
import { WorkingGroupRole } from '../../types/support/working-groups.types.js';

@InputType({ description: 'A new working group of a region (no municipalityId) or of a municipality' })
export class CreateWorkingGroupInput {
  @Field({ description: 'e.g. «Рабочая группа по оказанию методической помощи ОО с НОР»' })
  name!: string;

  @Field({ description: 'e.g. «56»' })
  regionCode!: string;

  @Field(() => ID, { nullable: true })
  municipalityId?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'The order that formed it: of the group’s place or of its region',
  })
  orderId?: string | null;
}

@InputType({ description: 'A person added to a working group' })
export class WorkingGroupMemberInput {
  @Field({ description: 'ФИО as written' })
  fullName!: string;

  @Field(() => String, { nullable: true })
  position?: string | null;

  @Field(() => String, { nullable: true })
  organisation?: string | null;

  @Field(() => WorkingGroupRole, {
    defaultValue: WorkingGroupRole.MEMBER,
    description: 'A second CHAIR or SECRETARY of the group is BAD_USER_INPUT on member.role',
  })
  role: WorkingGroupRole = WorkingGroupRole.MEMBER;
}
