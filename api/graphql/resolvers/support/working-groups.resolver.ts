import { Arg, Args, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { type Context } from '../../../context.js';
import {
  addWorkingGroupMember,
  createWorkingGroup,
  removeWorkingGroupMember,
  workingGroups,
} from '../../../services/support/working-groups.service.js';
import { PageArgs } from '../../inputs/page.args.js';
import { PlaceFilter } from '../../inputs/place-filter.input.js';
import {
  CreateWorkingGroupInput,
  WorkingGroupMemberInput,
} from '../../inputs/support/working-groups.inputs.js';
import { WorkingGroupConnection, WorkingGroupType } from '../../types/support/working-groups.types.js';

@Resolver(() => WorkingGroupType)
export class WorkingGroupResolver {
  @Query(() => WorkingGroupConnection, {
    description:
      'Working groups (SUPPORT-V1 §1) of the places in the viewer’s scope, with their members, in the order they were stored',
  })
  workingGroups(
    @Ctx() ctx: Context,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => PlaceFilter, { nullable: true }) filter?: PlaceFilter,
  ) {
    return workingGroups(ctx, { ...page, filter });
  }

  @Mutation(() => WorkingGroupType, {
    description:
      'A working group of a region (its REGION_ANALYST) or of a municipality (its MUNICIPAL_ANALYST); audited',
  })
  createWorkingGroup(
    @Ctx() ctx: Context,
    @Arg('input', () => CreateWorkingGroupInput) input: CreateWorkingGroupInput,
  ) {
    return createWorkingGroup(ctx, input);
  }

  @Mutation(() => WorkingGroupType, {
    description:
      'Adds a person to a working group (the writer of the group’s place); a second CHAIR or SECRETARY is BAD_USER_INPUT on member.role',
  })
  addWorkingGroupMember(
    @Ctx() ctx: Context,
    @Arg('groupId', () => ID) groupId: string,
    @Arg('member', () => WorkingGroupMemberInput) member: WorkingGroupMemberInput,
  ) {
    return addWorkingGroupMember(ctx, groupId, member);
  }

  @Mutation(() => WorkingGroupType, {
    description: 'Removes a person from a working group; returns the group',
  })
  removeWorkingGroupMember(@Ctx() ctx: Context, @Arg('memberId', () => ID) memberId: string) {
    return removeWorkingGroupMember(ctx, memberId);
  }
}
