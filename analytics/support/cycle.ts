import { round12 } from '../arithmetic.js';

/**
 * Issue 13 item 5, «the cycle closed»: what a school of the approved list of (r, y) got in the
 * support year y, summarised for next year's list. The window of that year runs from 1 September
 * of y (the school year the list opens) to D, the day next year's list was made: a curator or a
 * partner counts when it held at any time in that window (the support the school got, not only
 * the one left on D); statuses and documents are taken as of D (SUPPORT-V1 §2, §5).
 */

/** The first day of the support of list year y: 1 September, when the school year of the list begins. */
export const supportStart = (year: number) => `${year}-09-01`;

/** An assignment or partnership [from, to] (open `to` counting) overlaps the window [start, end]. */
export const heldDuring = (from: string, to: string | null, start: string, end: string) =>
  from <= end && (to === null || start <= to) && start <= end;

/** DONE / total, §7-rounded as every share; null without activities (nothing to complete). */
export const completion = (done: number, total: number) => (total > 0 ? round12(done / total) : null);

/** A school got support: a roadmap of its municipality for y, a curator or a partner in the window. */
export const gotSupport = (s: {
  roadmapIds: readonly unknown[];
  curatorAssigned: boolean;
  partnerAssigned: boolean;
}) => s.roadmapIds.length > 0 || s.curatorAssigned || s.partnerAssigned;

/** lowIndex(s, y + 1) − lowIndex(s, y) on the stored values; null if either is missing. */
export const lowIndexChange = (next: number | null | undefined, previous: number | null | undefined) =>
  next === null || next === undefined || previous === null || previous === undefined
    ? null
    : round12(next - previous);
