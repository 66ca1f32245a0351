import { Arg, Ctx, ID, Int, Mutation, Resolver } from 'type-graphql';
import { DEFAULT_METHODOLOGY } from '../../../analytics/sql/methodologies.js';
import { type Context } from '../../context.js';
import { approveList, publishList, setEntryDecision } from '../../services/lists/change-list.js';
import { createList } from '../../services/lists/create-list.js';
import { entryView, listView } from '../../services/lists/views.js';
import { checkYear } from '../inputs/validate.js';
import { ShnorListDecision, ShnorListEntryType, ShnorListType } from '../types/shnor-list.types.js';
import { listIdArg } from './shnor-list.resolver.js';

/**
 * The annual list workflow (issue 5): MINISTRY anywhere, REGION_ANALYST in its own region, others
 * FORBIDDEN; each change and its audit entry in one transaction.
 */
@Resolver()
export class ShnorListMutationResolver {
  @Mutation(() => ShnorListType, {
    description: 'A DRAFT list of a region for list year `year`: the candidates and evidence of now, frozen',
  })
  async createShnorList(
    @Ctx() ctx: Context,
    @Arg('year', () => Int) year: number,
    @Arg('regionCode', () => String, { description: 'e.g. 56' }) regionCode: string,
    @Arg('methodology', () => String, { defaultValue: DEFAULT_METHODOLOGY, description: 'A stored version' })
    methodology: string = DEFAULT_METHODOLOGY,
  ) {
    checkYear('year', year);
    return listView(await createList(ctx, { year, regionCode, methodology }));
  }

  @Mutation(() => ShnorListEntryType, {
    description: 'A manual decision on one school of a DRAFT list, with its reason (author and time kept)',
  })
  async setShnorListEntry(
    @Ctx() ctx: Context,
    @Arg('listId', () => ID) listId: string,
    @Arg('schoolCode', () => String) schoolCode: string,
    @Arg('decision', () => ShnorListDecision) decision: ShnorListDecision,
    @Arg('justification', () => String, { description: 'Why: at least 10 characters' }) justification: string,
  ) {
    const id = listIdArg('listId', listId);
    return entryView(await setEntryDecision(ctx, { listId: id, schoolCode, decision, justification }));
  }

  @Mutation(() => ShnorListType, {
    description:
      'Freezes a DRAFT: refused while a REVIEW entry or a school leaving last year’s list is undecided',
  })
  async approveShnorList(@Ctx() ctx: Context, @Arg('listId', () => ID) listId: string) {
    return listView(await approveList(ctx, listIdArg('listId', listId)));
  }

  @Mutation(() => ShnorListType, { description: 'Publishes an APPROVED list' })
  async publishShnorList(@Ctx() ctx: Context, @Arg('listId', () => ID) listId: string) {
    return listView(await publishList(ctx, listIdArg('listId', listId)));
  }
}
