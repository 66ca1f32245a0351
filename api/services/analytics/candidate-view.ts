import { explainShnorCandidate, type ShnorCandidate } from '../../../analytics/shnor/index.js';
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
    evidence: {
      current: { ...c.current, marked: c.markedCurrent },
      previous: { ...c.previous, marked: c.markedPrevious },
      cutoffs: c.cutoffs,
      objectivityPolicy: c.objectivityPolicy,
      methodology,
    },
    get explanation() {
      return explainShnorCandidate(c);
    },
  };
}

export type CandidateView = ReturnType<typeof candidateView>;
