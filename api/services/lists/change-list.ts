import { audit } from '../../../db/audit.js';
import { type Context } from '../../context.js';
import { badUserInput } from '../../errors.js';
import { type Queryable } from '../../../db/queryable.js';
import { type Action, authorize } from '../../auth/permissions.js';
import { conflict, listFrozen, undecidedEntries } from './list-errors.js';
import {
  bumpListsVersion,
  type EntryRow,
  findList,
  frozenListOf,
  type ListRow,
  readEntries,
  setListStatus,
  writeDecision,
} from './list-store.js';
import { type Decision, isIncluded, MIN_JUSTIFICATION_LENGTH, needsDecision } from './rules.js';

/**
 * Runs a change of one list in a transaction with the list row locked, after the checks every
 * change shares: the role (first: other roles learn nothing about lists), the list exists, and the
 * viewer's scope covers its region.
 */
function changeList<T>(
  ctx: Context,
  action: Action,
  listId: string,
  change: (tx: Queryable, list: ListRow) => Promise<T>,
): Promise<T> {
  authorize(ctx.viewer, action);
  return ctx.db.transaction(async (tx) => {
    const list = await findList(tx, listId, true);
    if (!list) throw badUserInput('listId', `listId: no list ${listId} (see the shnorLists query)`);
    authorize(ctx.viewer, action, { regionId: list.regionId });
    return change(tx, list);
  });
}

export interface DecisionArgs {
  listId: string;
  schoolCode: string;
  decision: Decision;
  justification: string;
}

export function setEntryDecision(ctx: Context, args: DecisionArgs): Promise<EntryRow & { list: ListRow }> {
  const justification = args.justification.trim();
  if (justification.length < MIN_JUSTIFICATION_LENGTH) {
    throw badUserInput(
      'justification',
      `justification: a decision needs a reason of at least ${MIN_JUSTIFICATION_LENGTH} characters`,
    );
  }
  return changeList(ctx, 'lists.decide', args.listId, async (tx, list) => {
    if (list.status !== 'DRAFT') throw listFrozen(list.id, list.status);
    const entry = await writeDecision(tx, {
      listId: list.id,
      schoolCode: args.schoolCode,
      decision: args.decision,
      justification,
      decidedBy: ctx.viewer.id,
    });
    if (!entry) {
      throw badUserInput('schoolCode', `schoolCode: «${args.schoolCode}» is not an entry of list ${list.id}`);
    }
    await audit(tx, ctx.viewer, 'setShnorListEntry', `shnor_list:${list.id}`, {
      school: args.schoolCode,
      decision: args.decision,
      justification,
      computedStatus: entry.status,
    });
    return { ...entry, list };
  });
}

/** Freezes a draft: every REVIEW and leaving entry decided, drafted after last year's approval, the only one. */
export function approveList(ctx: Context, listId: string): Promise<ListRow> {
  return changeList(ctx, 'lists.approve', listId, async (tx, list) => {
    if (list.status !== 'DRAFT') throw listFrozen(list.id, list.status);
    const previousListId = await frozenListOf(tx, list.year - 1, list.regionId);
    if (previousListId !== list.previousListId) {
      throw conflict(
        'listId',
        `List ${list.id} was drafted before list ${previousListId} of ${list.year - 1} was approved: its EXIT candidates are unknown; create a new draft`,
        { previousListId },
      );
    }
    const approvedListId = await frozenListOf(tx, list.year, list.regionId);
    if (approvedListId) {
      throw conflict('listId', `List ${approvedListId} is already approved for ${list.year} in this region`, {
        approvedListId,
      });
    }
    const entries = await readEntries(tx, [list.id]);
    const undecided = entries.filter(needsDecision);
    if (undecided.length > 0)
      throw undecidedEntries(
        list.id,
        undecided.map((e) => e.schoolCode),
      );
    await setListStatus(tx, list.id, 'APPROVED', ctx.viewer.id).catch((error: unknown) => {
      // Two drafts of one year and region approved at the same moment: the unique index decides.
      if ((error as { code?: string }).code === '23505') {
        throw conflict('listId', `Another list was approved for ${list.year} in this region meanwhile`);
      }
      throw error;
    });
    await bumpListsVersion(tx);
    await audit(tx, ctx.viewer, 'approveShnorList', `shnor_list:${list.id}`, {
      year: list.year,
      regionId: list.regionId,
      methodologyHash: list.methodologyHash,
      included: entries.filter(isIncluded).length,
      decisions: entries.filter((e) => e.decision !== null).length,
    });
    return (await findList(tx, list.id)) as ListRow;
  });
}

export function publishList(ctx: Context, listId: string): Promise<ListRow> {
  return changeList(ctx, 'lists.publish', listId, async (tx, list) => {
    if (list.status === 'DRAFT') throw conflict('listId', `List ${list.id} is a DRAFT: approve it first`);
    if (list.status === 'PUBLISHED') throw listFrozen(list.id, list.status);
    await setListStatus(tx, list.id, 'PUBLISHED', ctx.viewer.id);
    await audit(tx, ctx.viewer, 'publishShnorList', `shnor_list:${list.id}`, { year: list.year });
    return (await findList(tx, list.id)) as ListRow;
  });
}
