import { describe, expect, it } from 'vitest';
import { countEntries, diffIncluded, type EntryFacts, isIncluded, needsDecision } from './rules.js';

const entry = (schoolId: number, facts: Partial<EntryFacts> = {}) => ({
  schoolId,
  status: 'ELIGIBLE' as const,
  previouslyListed: false,
  decision: null,
  exitCandidate: false,
  ...facts,
});

describe('list rules', () => {
  it('includes ELIGIBLE entries unless a decision says otherwise', () => {
    expect(isIncluded(entry(1))).toBe(true);
    expect(isIncluded(entry(1, { decision: 'EXCLUDE' }))).toBe(false);
    expect(isIncluded(entry(1, { status: 'REVIEW' }))).toBe(false);
    expect(isIncluded(entry(1, { status: 'NOT_ELIGIBLE', decision: 'INCLUDE' }))).toBe(true);
  });

  it('asks a decision on REVIEW and on schools leaving last year’s list, not on the rest', () => {
    expect(needsDecision(entry(1, { status: 'REVIEW' }))).toBe(true);
    expect(needsDecision(entry(1, { status: 'NOT_ELIGIBLE', previouslyListed: true }))).toBe(true);
    expect(needsDecision(entry(1, { status: 'INSUFFICIENT_DATA', previouslyListed: true }))).toBe(true);
    expect(needsDecision(entry(1, { previouslyListed: true }))).toBe(false);
    expect(needsDecision(entry(1, { status: 'NOT_ELIGIBLE' }))).toBe(false);
    expect(needsDecision(entry(1, { status: 'REVIEW', decision: 'EXCLUDE' }))).toBe(false);
  });

  it('diffs the included schools of two lists as sets', () => {
    const from = [entry(1), entry(2), entry(3, { decision: 'EXCLUDE' })];
    const to = [
      entry(2),
      entry(3),
      entry(4, { status: 'REVIEW', decision: 'INCLUDE' }),
      entry(1, { status: 'NOT_ELIGIBLE' }),
    ];
    const diff = diffIncluded(from, to);
    expect(diff.entered.map((e) => e.schoolId)).toEqual([3, 4]);
    expect(diff.exited.map((e) => e.schoolId)).toEqual([1]);
    expect(diff.stayed.map((e) => e.schoolId)).toEqual([2]);
    expect(countEntries(to)).toMatchObject({
      entries: 4,
      eligible: 2,
      review: 1,
      included: 3,
      decided: 1,
      undecided: 0,
    });
  });
});
