import { describe, expect, it } from 'vitest';
import { type ObjectivityPolicy } from '../methodology/params.js';
import { rankOf, type RuleFacts, statusRule } from './status-rule.js';
import { type ShnorStatus } from './types.js';

type Year = RuleFacts['current'];
const year = (low: boolean | null, marked = false, over: Partial<Year> = {}): Year => ({
  low,
  marked,
  hasResults: true,
  vprN: 40,
  ogeN: 0,
  egeN: 0,
  ...over,
});
const facts = (status: ShnorStatus, current: Year, previous: Year, policy: ObjectivityPolicy = 'REVIEW') => ({
  status,
  current,
  previous,
  objectivityPolicy: policy,
});

describe('statusRule', () => {
  it('tells apart the four ways of INSUFFICIENT_DATA', () => {
    const absent = year(null, false, { hasResults: false, vprN: 0 });
    expect(statusRule(facts('INSUFFICIENT_DATA', absent, absent))).toBe('NO_RESULTS');
    expect(statusRule(facts('INSUFFICIENT_DATA', year(null), absent))).toBe('NOT_RANKED_BOTH_YEARS');
    expect(statusRule(facts('INSUFFICIENT_DATA', year(null), year(true)))).toBe('NOT_RANKED_LIST_YEAR');
    expect(statusRule(facts('INSUFFICIENT_DATA', year(false), absent))).toBe('NOT_RANKED_PREVIOUS_YEAR');
  });

  it('names the line of §2 for ranked schools, by policy', () => {
    expect(statusRule(facts('NOT_ELIGIBLE', year(true), year(false)))).toBe('NOT_LOW');
    expect(statusRule(facts('ELIGIBLE', year(true), year(true)))).toBe('LOW_TWICE');
    expect(statusRule(facts('REVIEW', year(true, true), year(true)))).toBe('LOW_TWICE_MARKED_REVIEW');
    expect(statusRule(facts('NOT_ELIGIBLE', year(true), year(true, true), 'EXCLUDE'))).toBe(
      'LOW_TWICE_MARKED_EXCLUDED',
    );
    expect(statusRule(facts('ELIGIBLE', year(true, true), year(true), 'IGNORE'))).toBe(
      'LOW_TWICE_MARKED_IGNORED',
    );
  });

  it('reads entries stored without hasResults from their participants', () => {
    const stored = (n: number): Year => {
      const { hasResults: _omitted, ...rest } = year(null, false, { vprN: 0, ogeN: n });
      return rest;
    };
    expect(statusRule(facts('INSUFFICIENT_DATA', stored(0), stored(0)))).toBe('NO_RESULTS');
    expect(statusRule(facts('INSUFFICIENT_DATA', stored(7), stored(0)))).toBe('NOT_RANKED_BOTH_YEARS');
  });
});

describe('rankOf', () => {
  it('inverts PERCENT_RANK: (rank − 1)/(n − 1)', () => {
    // 7 schools ranked: ranks 1…7 are 0, 1/6, …, 1, rounded to 12 decimals as §7 stores them
    for (let rank = 1; rank <= 7; rank++) {
      const lowRank = Number(((rank - 1) / 6).toFixed(12));
      expect(rankOf(lowRank, 7)).toBe(rank);
    }
    expect(rankOf(0, 1)).toBe(1);
    expect(rankOf(null, 5)).toBeNull();
    expect(rankOf(Number((38_211 / 39_999).toFixed(12)), 40_000)).toBe(38_212);
  });
});
