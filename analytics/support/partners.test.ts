import { describe, expect, it } from 'vitest';
import { SUPPORT_V1 } from './params.js';
import {
  compareCodePoints,
  type ListedSchool,
  PARTNER_MAX_LIMIT,
  type PartnerCandidate,
  partnerOverrideProblems,
  suggestPartners,
  withPartnerOverrides,
} from './partners.js';

const PARAMS = SUPPORT_V1.partners; // partnerRankMax 0.25, partnerSwiMaxDistance 0.5, partnerMax 5

/** s: region 1, municipality 10, swi 0.2. */
const S: ListedSchool = { schoolId: 1, code: 'sch000001', regionId: 1, municipalityId: 10, swi: 0.2 };

let nextId = 100;
/** A candidate that meets every condition unless a field says otherwise. */
function p(fields: Partial<PartnerCandidate> = {}): PartnerCandidate {
  const id = fields.schoolId ?? nextId++;
  return {
    schoolId: id,
    code: `sch${String(id).padStart(6, '0')}`,
    regionId: 1,
    municipalityId: 11,
    lowIndex: 0.05,
    lowRank: 0.1,
    low: false,
    swi: 0.3,
    resilient: false,
    onApprovedList: false,
    ...fields,
  };
}

const codes = (r: ReturnType<typeof suggestPartners>) => r.suggestions.map((x) => x.code);

describe('suggestPartners (SUPPORT-V1 §4): every condition', () => {
  it('keeps a candidate that meets them all, with its swiDistance', () => {
    const r = suggestPartners(S, [p({ code: 'a', swi: 0.3 })], PARAMS);
    expect(r).toMatchObject({ swiFilterApplied: true, candidateCount: 1 });
    expect(r.suggestions[0]).toMatchObject({ code: 'a', swiDistance: 0.1, sameMunicipality: false });
  });

  it('p ≠ s: s itself is never its own partner', () => {
    const self = p({ schoolId: S.schoolId, code: S.code, municipalityId: S.municipalityId });
    expect(suggestPartners(S, [self], PARAMS).candidateCount).toBe(0);
  });

  it('p in region r: a school of another region is not a candidate', () => {
    expect(
      suggestPartners(S, [p({ code: 'a', regionId: 2 }), p({ code: 'b' })], PARAMS).suggestions.map(
        (x) => x.code,
      ),
    ).toEqual(['b']);
  });

  it('p ranked in y: no lowIndex (or no lowRank, low null) is not ranked', () => {
    const r = suggestPartners(
      S,
      [
        p({ code: 'a', lowIndex: null, lowRank: null, low: null }),
        p({ code: 'b', lowRank: null, low: null }),
        p({ code: 'c', low: null }),
        p({ code: 'd' }),
      ],
      PARAMS,
    );
    expect(codes(r)).toEqual(['d']);
  });

  it('p not low: a low school is out even under a partnerRankMax that would admit it', () => {
    const wide = { ...PARAMS, partnerRankMax: 1 };
    const r = suggestPartners(
      S,
      [p({ code: 'a', lowRank: 0.95, low: true }), p({ code: 'b', lowRank: 0.95, low: false })],
      wide,
    );
    expect(codes(r)).toEqual(['b']);
  });

  it('p not on the approved list of (r, y)', () => {
    const r = suggestPartners(S, [p({ code: 'a', onApprovedList: true }), p({ code: 'b' })], PARAMS);
    expect(codes(r)).toEqual(['b']);
  });

  it('lowRank(p, y) ≤ partnerRankMax, inclusive, compared after §7 rounding', () => {
    const r = suggestPartners(
      S,
      [
        p({ code: 'a', lowRank: 0.25 }),
        p({ code: 'b', lowRank: 0.250000000001 }),
        // 0.1 + 0.15 = 0.25000000000000006 in binary: equal to 0.25 on paper, so it is in
        p({ code: 'c', lowRank: 0.1 + 0.15 }),
        p({ code: 'd', lowRank: 0 }),
      ],
      PARAMS,
    );
    expect(codes(r).sort()).toEqual(['a', 'c', 'd']);
  });

  it('|swi(p) − swi(s)| ≤ partnerSwiMaxDistance when both are defined, inclusive, in both directions', () => {
    const r = suggestPartners(
      S,
      [
        p({ code: 'a', swi: 0.7 }), // +0.5: in
        p({ code: 'b', swi: -0.3 }), // −0.5: in
        p({ code: 'c', swi: 0.700000000001 }), // out
        p({ code: 'd', swi: -0.300000000001 }), // out
        p({ code: 'e', swi: 0.2 }), // 0: in
      ],
      PARAMS,
    );
    expect(codes(r).sort()).toEqual(['a', 'b', 'e']);
    const distance = Object.fromEntries(r.suggestions.map((x) => [x.code, x.swiDistance]));
    expect(distance).toEqual({ a: 0.5, b: 0.5, e: 0 });
  });

  it('swiDistance is §7-rounded: 0.3 − 0.1 is 0.2, not 0.19999999999999998', () => {
    const r = suggestPartners({ ...S, swi: 0.1 }, [p({ swi: 0.3 })], PARAMS);
    expect(r.suggestions[0]?.swiDistance).toBe(0.2);
  });
});

describe('suggestPartners: the swi rule', () => {
  it('swi(p) undefined: no swi condition for p, swiDistance null; the filter is still applied to others', () => {
    const r = suggestPartners(S, [p({ code: 'a', swi: null }), p({ code: 'b', swi: 5 })], PARAMS);
    expect(r.swiFilterApplied).toBe(true);
    expect(r.suggestions.map((x) => [x.code, x.swiDistance])).toEqual([['a', null]]);
  });

  it('swi(s) undefined: swiFilterApplied false, no candidate is filtered by swi, every swiDistance null', () => {
    const r = suggestPartners(
      { ...S, swi: null },
      [p({ code: 'a', swi: 5 }), p({ code: 'b', swi: null })],
      PARAMS,
    );
    expect(r.swiFilterApplied).toBe(false);
    expect(r.suggestions.map((x) => [x.code, x.swiDistance])).toEqual([
      ['a', null],
      ['b', null],
    ]);
  });

  it('both undefined: kept, swiDistance null', () => {
    const r = suggestPartners({ ...S, swi: null }, [p({ code: 'a', swi: null })], PARAMS);
    expect(r).toMatchObject({ swiFilterApplied: false, candidateCount: 1 });
    expect(r.suggestions[0]?.swiDistance).toBeNull();
  });
});

describe('suggestPartners: order', () => {
  it('same municipality as s first, even against resilience and a lower lowIndex', () => {
    const r = suggestPartners(
      S,
      [
        p({ code: 'other', municipalityId: 11, resilient: true, lowIndex: 0.01 }),
        p({ code: 'same', municipalityId: S.municipalityId, resilient: false, lowIndex: 0.09 }),
      ],
      PARAMS,
    );
    expect(codes(r)).toEqual(['same', 'other']);
    expect(r.suggestions.map((x) => x.sameMunicipality)).toEqual([true, false]);
  });

  it('then resilient first, even against a lower lowIndex', () => {
    const r = suggestPartners(
      S,
      [
        p({ code: 'plain', resilient: false, lowIndex: 0.01 }),
        p({ code: 'resilient', resilient: true, lowIndex: 0.09 }),
      ],
      PARAMS,
    );
    expect(codes(r)).toEqual(['resilient', 'plain']);
  });

  it('then lowIndex ascending, even against the code', () => {
    const r = suggestPartners(
      S,
      [p({ code: 'a', lowIndex: 0.03 }), p({ code: 'b', lowIndex: 0.02 }), p({ code: 'c', lowIndex: 0.01 })],
      PARAMS,
    );
    expect(codes(r)).toEqual(['c', 'b', 'a']);
  });

  it('then code in codepoint order (not locale, not UTF-16 units)', () => {
    const rows = ['b', 'B', 'a', '\u{1F600}', '\uFF5E', 'ё', 'я'].map((code) => p({ code }));
    // U+0042 B < U+0061 a < U+0062 b < U+044F я < U+0451 ё < U+FF5E < U+1F600
    expect(codes(suggestPartners(S, rows, { ...PARAMS, partnerMax: 10 }))).toEqual([
      'B',
      'a',
      'b',
      'я',
      'ё',
      '\uFF5E',
      '\u{1F600}',
    ]);
  });

  it('all four keys at once', () => {
    const rows = [
      p({ code: 'o-plain-2', lowIndex: 0.02 }),
      p({ code: 'o-res-1', resilient: true, lowIndex: 0.01 }),
      p({ code: 's-plain-1', municipalityId: 10, lowIndex: 0.01 }),
      p({ code: 's-res-2b', municipalityId: 10, resilient: true, lowIndex: 0.02 }),
      p({ code: 's-res-2a', municipalityId: 10, resilient: true, lowIndex: 0.02 }),
      p({ code: 'o-plain-1', lowIndex: 0.01 }),
    ];
    expect(codes(suggestPartners(S, rows, { ...PARAMS, partnerMax: 10 }))).toEqual([
      's-res-2a',
      's-res-2b',
      's-plain-1',
      'o-res-1',
      'o-plain-1',
      'o-plain-2',
    ]);
  });

  it('does not depend on the order of the input', () => {
    const rows = [
      p({ code: 'x', lowIndex: 0.02 }),
      p({ code: 'y', resilient: true }),
      p({ code: 'z', municipalityId: 10 }),
    ];
    const forward = codes(suggestPartners(S, rows, PARAMS));
    expect(codes(suggestPartners(S, [...rows].reverse(), PARAMS))).toEqual(forward);
    expect(forward).toEqual(['z', 'y', 'x']);
  });
});

describe('suggestPartners: the cut at partnerMax', () => {
  const many = Array.from({ length: 8 }, (_, i) => p({ code: `c${i}`, lowIndex: 0.01 * (8 - i) }));

  it('returns at most partnerMax (5), the first in §4 order, and counts every candidate before the cut', () => {
    const r = suggestPartners(S, [...many, p({ code: 'low', low: true, lowRank: 0.95 })], PARAMS);
    expect(r.candidateCount).toBe(8);
    expect(codes(r)).toEqual(['c7', 'c6', 'c5', 'c4', 'c3']);
  });

  it('fewer candidates than partnerMax: all of them', () => {
    const r = suggestPartners(S, many.slice(0, 3), PARAMS);
    expect([r.candidateCount, r.suggestions.length]).toEqual([3, 3]);
  });

  it('partnerMax 0: the count only', () => {
    const r = suggestPartners(S, many, { ...PARAMS, partnerMax: 0 });
    expect([r.candidateCount, r.suggestions.length]).toEqual([8, 0]);
  });

  it('no candidate at all', () => {
    expect(suggestPartners(S, [], PARAMS)).toEqual({
      swiFilterApplied: true,
      candidateCount: 0,
      suggestions: [],
    });
  });
});

describe('compareCodePoints', () => {
  it('orders by code point, shorter prefix first', () => {
    expect(compareCodePoints('a', 'a')).toBe(0);
    expect(compareCodePoints('a', 'ab')).toBe(-1);
    expect(compareCodePoints('ab', 'a')).toBe(1);
    expect(compareCodePoints('Z', 'a')).toBe(-1);
    // UTF-16 units would put the surrogate pair (0xD83D …) first
    expect('\u{1F600}' < '\uFF5E').toBe(true);
    expect(compareCodePoints('\u{1F600}', '\uFF5E')).toBe(1);
    expect(compareCodePoints('x\u{1F600}a', 'x\u{1F600}b')).toBe(-1);
  });
});

describe('§4 overrides', () => {
  it('apply over support-v1, leaving the rest as it is', () => {
    const params = withPartnerOverrides(SUPPORT_V1, { partnerMax: 2, partnerRankMax: null });
    expect(params.partners).toEqual({ partnerRankMax: 0.25, partnerSwiMaxDistance: 0.5, partnerMax: 2 });
    expect(params.did).toBe(SUPPORT_V1.did);
    expect(SUPPORT_V1.partners.partnerMax).toBe(5);
  });

  it('name every wrong value', () => {
    expect(partnerOverrideProblems({ partnerMax: 3, partnerRankMax: 0.5, partnerSwiMaxDistance: 0 })).toEqual(
      [],
    );
    expect(partnerOverrideProblems({ partnerMax: null })).toEqual([]);
    expect(
      partnerOverrideProblems({
        partnerMax: PARTNER_MAX_LIMIT + 1,
        partnerRankMax: 1.5,
        partnerSwiMaxDistance: -1,
      }).map((x) => x.path),
    ).toEqual(['partnerMax', 'partnerRankMax', 'partnerSwiMaxDistance']);
    expect(partnerOverrideProblems({ partnerMax: 2.5 })[0]?.message).toBe(
      'must be an integer from 0 to 50 (got 2.5)',
    );
    expect(partnerOverrideProblems({ partnerSwiMaxDistance: Number.NaN }).map((x) => x.path)).toEqual([
      'partnerSwiMaxDistance',
    ]);
  });
});
