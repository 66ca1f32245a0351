import { type ObjectivityPolicy } from '../../../analytics/methodology/params.js';
import {
  explainShnorCandidate,
  hadResults,
  rankOf,
  type ShnorCandidate,
  type ShnorCutoffs,
  type ShnorStatus,
  statusRule,
  type YearEvidence,
} from '../../../analytics/shnor/index.js';
import { type EffectiveMethodology } from './methodology.js';

export interface MethodologyView {
  name: string;
  hash: string;
  overridden: boolean;
  params: unknown;
}

export function methodologyView(m: EffectiveMethodology): MethodologyView {
  return { name: m.name, hash: m.hash, overridden: m.overridden, params: m.params };
}

type StoredYear = Omit<YearEvidence, 'vprN2' | 'ogeN2' | 'egeBelow' | 'hasResults'> &
  Partial<Pick<YearEvidence, 'vprN2' | 'ogeN2' | 'egeBelow' | 'hasResults'>> & { marked: boolean };

/**
 * One year of the evidence as the GraphQL type reads it, from a computed candidate or a stored list
 * entry: the integer rank derived from the percent rank; the numerators, which lists stored before
 * they were recorded lack, null there; whether there were results, from the participants if unrecorded.
 */
function yearView(y: StoredYear) {
  return {
    ...y,
    rank: rankOf(y.lowRank, y.schoolsRanked),
    vprN2: y.vprN2 ?? null,
    ogeN2: y.ogeN2 ?? null,
    egeBelow: y.egeBelow ?? null,
    hasResults: hadResults(y),
  };
}

/** The evidence of a decision with the rule of §2 that decided it (derived, so stored lists have it too). */
export function evidenceView(
  status: ShnorStatus,
  parts: {
    current: StoredYear;
    previous: StoredYear;
    cutoffs: ShnorCutoffs;
    objectivityPolicy: ObjectivityPolicy;
    methodology: MethodologyView;
  },
) {
  const current = yearView(parts.current);
  const previous = yearView(parts.previous);
  const rule = statusRule({ status, current, previous, objectivityPolicy: parts.objectivityPolicy });
  return { ...parts, current, previous, rule };
}

/** A computed decision as the GraphQL type reads it; the sentence is written only when asked for. */
export function candidateView(c: ShnorCandidate, methodology: MethodologyView) {
  return {
    schoolId: c.schoolId,
    status: c.status,
    exitCandidate: c.exitCandidate,
    lowIndex: c.current.lowIndex,
    lowRank: c.current.lowRank,
    previousLowIndex: c.previous.lowIndex,
    previousLowRank: c.previous.lowRank,
    evidence: evidenceView(c.status, {
      current: { ...c.current, marked: c.markedCurrent },
      previous: { ...c.previous, marked: c.markedPrevious },
      cutoffs: c.cutoffs,
      objectivityPolicy: c.objectivityPolicy,
      methodology,
    }),
    get explanation() {
      return explainShnorCandidate(c);
    },
  };
}

export type CandidateView = ReturnType<typeof candidateView>;
