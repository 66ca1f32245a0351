import { describe, expect, it } from 'vitest';
import { orderCandidates } from './order.js';
import { statusSummary } from './summary.js';
import { type ShnorCandidate, type ShnorStatus } from './types.js';

/** Only what the order and the summary read; the rest of a candidate does not matter to them. */
function candidate(
  schoolId: number,
  status: ShnorStatus,
  lowRank: number | null,
  lowIndex: number | null,
  place = { regionId: 1, municipalityId: 11 },
  exitCandidate = false,
): ShnorCandidate {
  return {
    schoolId,
    ...place,
    status,
    exitCandidate,
    current: { lowRank, lowIndex } as ShnorCandidate['current'],
  } as ShnorCandidate;
}

describe('the one candidate order', () => {
  const rows = [
    candidate(5, 'NOT_ELIGIBLE', 0.2, 0.1),
    candidate(4, 'REVIEW', 1, 0.3),
    candidate(3, 'ELIGIBLE', 0.95, 0.2),
    candidate(2, 'ELIGIBLE', 1, 0.1),
    candidate(9, 'INSUFFICIENT_DATA', null, null),
    candidate(1, 'ELIGIBLE', 0.95, 0.4),
    candidate(8, 'NOT_ELIGIBLE', null, null),
  ];

  it('by status, then the highest lowRank first, none last, ties by school id', () => {
    // written out by hand: ELIGIBLE 2 (1.0), then 1 and 3 (0.95, by id); REVIEW 4; NOT_ELIGIBLE 5 (0.2), 8 (none); INSUFFICIENT_DATA 9
    expect(orderCandidates(rows).map((c) => c.schoolId)).toEqual([2, 1, 3, 4, 5, 8, 9]);
  });

  it('by lowIndex when asked', () => {
    expect(orderCandidates(rows, 'lowIndex').map((c) => c.schoolId)).toEqual([1, 3, 2, 4, 5, 8, 9]);
  });

  it('leaves its input as it was', () => {
    const before = rows.map((c) => c.schoolId);
    orderCandidates(rows);
    expect(rows.map((c) => c.schoolId)).toEqual(before);
  });
});

describe('statusSummary', () => {
  const a = { regionId: 2, municipalityId: 21 };
  const b = { regionId: 2, municipalityId: 22 };
  const c = { regionId: 1, municipalityId: 11 };
  const rows = [
    candidate(1, 'ELIGIBLE', 1, 1, a),
    candidate(2, 'REVIEW', 1, 1, a),
    candidate(3, 'NOT_ELIGIBLE', 0, 0, b, true),
    candidate(4, 'INSUFFICIENT_DATA', null, null, c),
  ];

  it('per region, regions in id order', () => {
    expect(statusSummary(rows, 'REGION')).toEqual([
      {
        regionId: 1,
        municipalityId: null,
        schools: 1,
        eligible: 0,
        review: 0,
        notEligible: 0,
        insufficientData: 1,
        exitCandidates: 0,
      },
      {
        regionId: 2,
        municipalityId: null,
        schools: 3,
        eligible: 1,
        review: 1,
        notEligible: 1,
        insufficientData: 0,
        exitCandidates: 1,
      },
    ]);
  });

  it('per municipality', () => {
    expect(
      statusSummary(rows, 'MUNICIPALITY').map((r) => [r.municipalityId, r.schools, r.exitCandidates]),
    ).toEqual([
      [11, 1, 0],
      [21, 2, 0],
      [22, 1, 1],
    ]);
  });
});
