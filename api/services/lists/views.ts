import { evidenceView, type MethodologyView } from '../analytics/candidate-view.js';
import { type ListRow } from './list-store.js';
import { type EntryView } from './list-reads.js';
import { isIncluded, needsDecision } from './rules.js';

/** The list as the GraphQL type reads it: the methodology of the snapshot, as every analytics answer names it. */
export function listView(list: ListRow) {
  const methodology: MethodologyView = {
    name: list.methodologyName,
    hash: list.methodologyHash,
    overridden: false,
    params: list.methodologyParams,
  };
  return { ...list, methodology };
}

/** An entry as the GraphQL type reads it: the stored evidence, never recomputed. */
export function entryView(entry: EntryView) {
  const { explanation, markers, lowIndex, lowRank, previousLowIndex, previousLowRank, ...evidence } =
    entry.evidence;
  return {
    ...entry,
    lowIndex,
    lowRank,
    previousLowIndex,
    previousLowRank,
    evidence: evidenceView(entry.status, { ...evidence, methodology: listView(entry.list).methodology }),
    explanation,
    markers,
    included: isIncluded(entry),
    needsDecision: needsDecision(entry),
  };
}
