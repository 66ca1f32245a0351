import { GraphQLError } from 'graphql';
import { type ListStatus } from './rules.js';

/** The errors of the list workflow: each names the argument the caller should look at. */

/** Any change of an approved or published list. */
export function listFrozen(listId: string, status: ListStatus): GraphQLError {
  return new GraphQLError(`List ${listId} is ${status}: an approved list never changes`, {
    extensions: { code: 'LIST_FROZEN', argument: 'listId', status },
  });
}

/** A change the list's state does not allow yet (publishing a draft, approving a stale draft, a second approved list). */
export function conflict(argument: string, message: string, details: object = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'CONFLICT', argument, ...details } });
}

/** Approval refused: entries that need a decision first (rules.ts needsDecision), by school code. */
export function undecidedEntries(listId: string, schoolCodes: readonly string[]): GraphQLError {
  const shown = schoolCodes.slice(0, 20).join(', ');
  const more = schoolCodes.length > 20 ? ` and ${schoolCodes.length - 20} more` : '';
  return new GraphQLError(
    `List ${listId}: ${schoolCodes.length} entries need a decision before approval (REVIEW, or leaving last year’s list): ${shown}${more}`,
    { extensions: { code: 'UNDECIDED_ENTRIES', argument: 'listId', schools: schoolCodes } },
  );
}
