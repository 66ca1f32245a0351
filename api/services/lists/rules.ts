import { type ShnorStatus } from '../../../analytics/shnor/index.js';

/** The state of an annual list: only a DRAFT takes decisions; APPROVED and PUBLISHED are frozen. */
export type ListStatus = 'DRAFT' | 'APPROVED' | 'PUBLISHED';
export type Decision = 'INCLUDE' | 'EXCLUDE';

/** What the rules below need of an entry. */
export interface EntryFacts {
  status: ShnorStatus;
  previouslyListed: boolean;
  decision: Decision | null;
}

/** On the list: a manual decision wins; without one, the computed status ELIGIBLE means included. */
export function isIncluded(entry: EntryFacts): boolean {
  return entry.decision ? entry.decision === 'INCLUDE' : entry.status === 'ELIGIBLE';
}

/**
 * Entries the ministry must decide before approval: REVIEW (low twice, but results that may not be
 * objective — the rules alone cannot defend either answer), and schools of last year's approved
 * list that would leave it (EXIT candidates, and those without data this year): leaving ends the
 * school's support programme, so it is confirmed by a person, with a reason, never by default.
 */
export function needsDecision(entry: EntryFacts): boolean {
  if (entry.decision) return false;
  return entry.status === 'REVIEW' || (entry.previouslyListed && entry.status !== 'ELIGIBLE');
}

/** A justification the ministry can defend: at least this many characters once trimmed. */
export const MIN_JUSTIFICATION_LENGTH = 10;

export interface ListDiff<T> {
  entered: T[];
  exited: T[];
  stayed: T[];
}

/** Set arithmetic of two lists' included schools: entered (to − from), exited (from − to), stayed (both). */
export function diffIncluded<T extends EntryFacts & { schoolId: number }>(
  from: readonly T[],
  to: readonly T[],
): ListDiff<T> {
  const before = new Set(from.filter(isIncluded).map((e) => e.schoolId));
  const after = new Set(to.filter(isIncluded).map((e) => e.schoolId));
  return {
    entered: to.filter((e) => after.has(e.schoolId) && !before.has(e.schoolId)),
    exited: from.filter((e) => before.has(e.schoolId) && !after.has(e.schoolId)),
    stayed: to.filter((e) => after.has(e.schoolId) && before.has(e.schoolId)),
  };
}

export interface ListCounts {
  entries: number;
  eligible: number;
  review: number;
  exitCandidates: number;
  included: number;
  decided: number;
  undecided: number;
}

export function countEntries(entries: readonly (EntryFacts & { exitCandidate: boolean })[]): ListCounts {
  return {
    entries: entries.length,
    eligible: entries.filter((e) => e.status === 'ELIGIBLE').length,
    review: entries.filter((e) => e.status === 'REVIEW').length,
    exitCandidates: entries.filter((e) => e.exitCandidate).length,
    included: entries.filter(isIncluded).length,
    decided: entries.filter((e) => e.decision !== null).length,
    undecided: entries.filter(needsDecision).length,
  };
}
