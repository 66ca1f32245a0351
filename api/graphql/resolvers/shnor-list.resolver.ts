import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { type Context } from '../../context.js';
import { badUserInput } from '../../errors.js';
import { pageSize } from '../../pagination.js';
import { visibleLists } from '../../services/lists/access.js';
import { entrySupport, type EntrySupport } from '../../services/lists/cycle.js';
import { diffSupport } from '../../services/lists/cycle-diff.js';
import { type EntryView, scopedDecisions, scopedEntries } from '../../services/lists/list-reads.js';
import { countEntries, diffIncluded } from '../../services/lists/rules.js';
import { entryView, listView } from '../../services/lists/views.js';
import { toId } from '../../services/school-query.js';
import { entryPartnerSuggestions } from '../../services/support/partner-suggestions.service.js';
import { PartnerSuggestionsType } from '../types/support/partner-suggestions.types.js';
import { EntrySupportType } from '../types/entry-support.types.js';
import { checkYear } from '../inputs/validate.js';
import { ShnorStatus } from '../types/analytics/shnor.types.js';
import { arrayPage } from '../types/page-info.type.js';
import { Region } from '../types/place.types.js';
import { School } from '../types/school.type.js';
import {
  ShnorListCounts,
  ShnorListDecisionRecord,
  ShnorListDiffType,
  ShnorListEntryConnection,
  ShnorListEntryType,
  ShnorListStatus,
  ShnorListType,
} from '../types/shnor-list.types.js';

type ListRoot = ReturnType<typeof listView>;
type EntryRoot = ReturnType<typeof entryView>;

/** A list id argument: a positive integer, or BAD_USER_INPUT naming the argument. */
export function listIdArg(argument: string, id: string): string {
  return String(toId(argument, id));
}

async function visibleList(ctx: Context, argument: string, id: string): Promise<ListRoot | null> {
  const [list] = await visibleLists(ctx.db, ctx.viewer, { ids: [listIdArg(argument, id)] });
  return list ? listView(list) : null;
}

@Resolver(() => ShnorListType)
export class ShnorListResolver {
  @Query(() => [ShnorListType], { description: 'Annual ШНОР lists in the viewer’s scope, newest year first' })
  async shnorLists(
    @Ctx() ctx: Context,
    @Arg('year', () => Int, { nullable: true }) year?: number,
    @Arg('regionCodes', () => [String], { nullable: true }) regionCodes?: string[],
    @Arg('status', () => [ShnorListStatus], { nullable: true }) status?: ShnorListStatus[],
  ) {
    checkYear('year', year);
    const lists = await visibleLists(ctx.db, ctx.viewer, { year, regionCodes, statuses: status });
    return lists.map(listView);
  }

  @Query(() => ShnorListType, { nullable: true, description: 'One list; null when absent or out of scope' })
  shnorList(@Ctx() ctx: Context, @Arg('id', () => ID) id: string) {
    return visibleList(ctx, 'id', id);
  }

  @Query(() => ShnorListDiffType, {
    description: 'Schools that entered, left and stayed between two lists of a region (e.g. y − 1 and y)',
  })
  async shnorListDiff(
    @Ctx() ctx: Context,
    @Arg('from', () => ID) fromId: string,
    @Arg('to', () => ID) toId: string,
  ) {
    const [from, to] = await Promise.all([visibleList(ctx, 'from', fromId), visibleList(ctx, 'to', toId)]);
    if (!from) throw badUserInput('from', `from: no list ${fromId} in your scope`);
    if (!to) throw badUserInput('to', `to: no list ${toId} in your scope`);
    if (from.regionId !== to.regionId) throw badUserInput('to', 'to: the two lists are of different regions');
    const [before, after] = await Promise.all([scopedEntries(ctx, from), scopedEntries(ctx, to)]);
    const diff = diffIncluded(before, after);
    return {
      from,
      to,
      entered: diff.entered.map(entryView),
      exited: diff.exited.map(entryView),
      stayed: diff.stayed.map(entryView),
      ...(await diffSupport(ctx, from, to, before, after, diff)),
    };
  }

  @FieldResolver(() => Region)
  region(@Root() list: ListRoot, @Ctx() ctx: Context) {
    return ctx.loaders.region.load(list.regionId);
  }

  @FieldResolver(() => ShnorListCounts, { description: 'Counted over the entries in the viewer’s scope' })
  async counts(@Root() list: ListRoot, @Ctx() ctx: Context) {
    return countEntries(await scopedEntries(ctx, list));
  }

  @FieldResolver(() => ShnorListEntryConnection, {
    description: 'Entries in list order (ELIGIBLE → REVIEW → …, then by rank), in the viewer’s scope',
  })
  async entries(
    @Root() list: ListRoot,
    @Ctx() ctx: Context,
    @Arg('included', () => Boolean, { nullable: true }) included?: boolean,
    @Arg('needsDecision', () => Boolean, { nullable: true }) needsDecision?: boolean,
    @Arg('status', () => [ShnorStatus], { nullable: true }) status?: ShnorStatus[],
    @Arg('first', () => Int, { nullable: true }) first?: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
  ) {
    const size = pageSize(first, ctx.config.defaultPageSize, ctx.config.maxPageSize);
    const statuses = status ? new Set<string>(status) : null;
    const views = (await scopedEntries(ctx, list)).map(entryView);
    const rows = views.filter(
      (e) =>
        (included === undefined || included === null || e.included === included) &&
        (needsDecision === undefined || needsDecision === null || e.needsDecision === needsDecision) &&
        (!statuses || statuses.has(e.status)),
    );
    return arrayPage(rows, size, after, (e) => e);
  }

  @FieldResolver(() => [ShnorListDecisionRecord], {
    description: 'Every decision ever recorded, oldest first',
  })
  decisions(@Root() list: ListRoot, @Ctx() ctx: Context) {
    return scopedDecisions(ctx, list);
  }
}

@Resolver(() => ShnorListEntryType)
export class ShnorListEntryResolver {
  @FieldResolver(() => School, {
    nullable: true,
    description: 'The school as it is now (null if out of scope)',
  })
  school(@Root() entry: EntryRoot, @Ctx() ctx: Context) {
    return ctx.loaders.school.load(entry.schoolId);
  }

  @FieldResolver(() => PartnerSuggestionsType, {
    nullable: true,
    description:
      'Partner suggestions (SUPPORT-V1 §4) for an included school of an approved or published list, with the ' +
      'list’s methodology and support-v1; null for a draft list or a school not included',
  })
  partnerSuggestions(@Root() entry: EntryRoot & EntryView, @Ctx() ctx: Context) {
    return entryPartnerSuggestions(ctx, entry, entry.list);
  }

  @FieldResolver(() => EntrySupportType, {
    nullable: true,
    description:
      'The support the school got in the year of the previous approved list (issue 13 item 5), as of the day this ' +
      'list was made; null when it was not on that list, and for a viewer who may not read support',
  })
  support(@Root() entry: EntryRoot & EntryView & { support?: EntrySupport }, @Ctx() ctx: Context) {
    // the diff's support sets carry the support of the year of `from`, computed already
    return entry.support !== undefined ? entry.support : entrySupport(ctx, entry);
  }

  @FieldResolver(() => [ShnorListDecisionRecord], { description: 'This entry’s decisions, oldest first' })
  async decisions(@Root() entry: EntryRoot & EntryView, @Ctx() ctx: Context) {
    return (await scopedDecisions(ctx, entry.list)).filter((d) => d.schoolId === entry.schoolId);
  }
}
