import { round12 } from '../arithmetic.js';
import { type SupportParams } from './params.js';

/** SUPPORT-V1 §4 Partner suggestions, over plain rows: the API reads them, this decides. */

export type PartnerParams = SupportParams['partners'];

/** The school s on the approved list of (r, y) that partners are suggested for. */
export interface ListedSchool {
  schoolId: number;
  code: string;
  regionId: number;
  municipalityId: number;
  /** swi(s, y), §7-rounded; null when undefined */
  swi: number | null;
}

/** A school of the registry as §4 needs it, with its METHODOLOGY-V1 values of year y (already §7-rounded). */
export interface PartnerCandidate {
  schoolId: number;
  code: string;
  regionId: number;
  municipalityId: number;
  /** null: not ranked in y */
  lowIndex: number | null;
  lowRank: number | null;
  /** lowRank ≥ lowRankCut; null when not ranked */
  low: boolean | null;
  /** swi(p, y); null when undefined */
  swi: number | null;
  /** resilient(p, y) (METHODOLOGY-V1 §6) */
  resilient: boolean;
  /** included in the approved list of (r, y) */
  onApprovedList: boolean;
}

/** A candidate that met every condition of §4. */
export interface PartnerSuggestion extends PartnerCandidate {
  lowIndex: number;
  lowRank: number;
  /** in the municipality of s: the first ordering key */
  sameMunicipality: boolean;
  /** |swi(p, y) − swi(s, y)|, §7-rounded; null unless both are defined */
  swiDistance: number | null;
}

export interface PartnerSuggestions {
  /** whether swi(s, y) is defined, i.e. whether the swi condition could apply to anybody */
  swiFilterApplied: boolean;
  /** how many candidates met every condition, before the cut at partnerMax */
  candidateCount: number;
  /** the first partnerMax of them, in §4 order */
  suggestions: PartnerSuggestion[];
}

/**
 * Codepoint order of two strings (§4 «code (codepoint order)»). JavaScript's `<` compares UTF-16
 * code units, which puts a code point above U+FFFF (a surrogate pair, 0xD800…) before U+E000…U+FFFF;
 * this compares whole code points.
 */
export function compareCodePoints(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length) {
    const x = a.codePointAt(i) as number;
    const y = b.codePointAt(i) as number;
    if (x !== y) return x < y ? -1 : 1;
    // equal code points take the same number of units in both strings
    i += x > 0xffff ? 2 : 1;
  }
  return a.length === b.length ? 0 : a.length < b.length ? -1 : 1;
}

/** §4 order: same municipality as s first, then resilient first, then lowIndex ascending, then code. */
export function comparePartners(a: PartnerSuggestion, b: PartnerSuggestion): number {
  if (a.sameMunicipality !== b.sameMunicipality) return a.sameMunicipality ? -1 : 1;
  if (a.resilient !== b.resilient) return a.resilient ? -1 : 1;
  if (a.lowIndex !== b.lowIndex) return a.lowIndex < b.lowIndex ? -1 : 1;
  return compareCodePoints(a.code, b.code);
}

/**
 * SUPPORT-V1 §4 for a school s on the approved list of (r, y). A candidate p meets every condition:
 * p ≠ s; p in region r; p ranked in y and not low; p not on the approved list of (r, y);
 * lowRank(p, y) ≤ partnerRankMax; and, only when both swi(s, y) and swi(p, y) are defined,
 * |swi(p, y) − swi(s, y)| ≤ partnerSwiMaxDistance (otherwise swiDistance is null). Values are
 * compared after §7 rounding, the cut-offs too. Existing partnerships are not an input: §4 ignores them.
 */
export function suggestPartners(
  listed: ListedSchool,
  candidates: readonly PartnerCandidate[],
  params: PartnerParams,
): PartnerSuggestions {
  const rankMax = round12(params.partnerRankMax);
  const swiMax = round12(params.partnerSwiMaxDistance);
  const met: PartnerSuggestion[] = [];
  for (const p of candidates) {
    if (p.schoolId === listed.schoolId || p.regionId !== listed.regionId) continue;
    if (p.lowIndex === null || p.lowRank === null || p.low !== false) continue;
    if (p.onApprovedList) continue;
    if (round12(p.lowRank) > rankMax) continue;
    const swiDistance = listed.swi !== null && p.swi !== null ? round12(Math.abs(p.swi - listed.swi)) : null;
    if (swiDistance !== null && swiDistance > swiMax) continue;
    met.push({
      ...p,
      lowIndex: p.lowIndex,
      lowRank: p.lowRank,
      sameMunicipality: p.municipalityId === listed.municipalityId,
      swiDistance,
    });
  }
  met.sort(comparePartners);
  return {
    swiFilterApplied: listed.swi !== null,
    candidateCount: met.length,
    suggestions: met.slice(0, Math.max(0, params.partnerMax)),
  };
}

/** What a request may change of §4 (SUPPORT-V1: every parameter is overridable per request); null = not changed. */
export type PartnerOverrides = { [K in keyof PartnerParams]?: PartnerParams[K] | null };

/**
 * The largest partnerMax a request may ask for: the suggestions are a list without paging, and
 * the query cost estimate bounds it by this (api/limits/list-bounds.ts).
 */
export const PARTNER_MAX_LIMIT = 50;

const PARTNER_KEYS = ['partnerMax', 'partnerRankMax', 'partnerSwiMaxDistance'] as const;

export interface PartnerOverrideProblem {
  /** the key of the override, e.g. `partnerMax` */
  path: keyof PartnerParams;
  message: string;
}

/** Every wrong value of a set of §4 overrides, each naming its key; empty when they are valid. */
export function partnerOverrideProblems(overrides: PartnerOverrides): PartnerOverrideProblem[] {
  const problems: PartnerOverrideProblem[] = [];
  const { partnerMax, partnerRankMax, partnerSwiMaxDistance } = overrides;
  if (
    partnerMax != null &&
    (!Number.isInteger(partnerMax) || partnerMax < 0 || partnerMax > PARTNER_MAX_LIMIT)
  ) {
    problems.push({
      path: 'partnerMax',
      message: `must be an integer from 0 to ${PARTNER_MAX_LIMIT} (got ${partnerMax})`,
    });
  }
  if (
    partnerRankMax != null &&
    (!Number.isFinite(partnerRankMax) || partnerRankMax < 0 || partnerRankMax > 1)
  ) {
    problems.push({
      path: 'partnerRankMax',
      message: `must be a percent rank from 0 to 1 (got ${partnerRankMax})`,
    });
  }
  if (
    partnerSwiMaxDistance != null &&
    (!Number.isFinite(partnerSwiMaxDistance) || partnerSwiMaxDistance < 0)
  ) {
    problems.push({
      path: 'partnerSwiMaxDistance',
      message: `must be a non-negative number (got ${partnerSwiMaxDistance})`,
    });
  }
  return problems;
}

/** The support parameters with §4 overrides applied (the overrides checked first: partnerOverrideProblems). */
export function withPartnerOverrides(base: SupportParams, overrides: PartnerOverrides): SupportParams {
  const partners = { ...base.partners };
  for (const key of PARTNER_KEYS) {
    const value = overrides[key];
    if (value !== undefined && value !== null) partners[key] = value;
  }
  return { ...base, partners };
}
