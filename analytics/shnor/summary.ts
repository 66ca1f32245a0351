import { type ShnorCandidate } from './types.js';

/** The levels a summary of places groups at. */
export type PlaceLevel = 'REGION' | 'MUNICIPALITY';

export interface StatusSummaryRow {
  regionId: number;
  /** null when grouped by region */
  municipalityId: number | null;
  schools: number;
  eligible: number;
  review: number;
  notEligible: number;
  insufficientData: number;
  exitCandidates: number;
}

const FIELD = {
  ELIGIBLE: 'eligible',
  REVIEW: 'review',
  NOT_ELIGIBLE: 'notEligible',
  INSUFFICIENT_DATA: 'insufficientData',
} as const;

/**
 * Schools per status per region or municipality, ordered by region then municipality id. The
 * caller passes only the candidates the viewer may see: an aggregate never counts the others.
 */
export function statusSummary(candidates: readonly ShnorCandidate[], level: PlaceLevel): StatusSummaryRow[] {
  const rows = new Map<number, StatusSummaryRow>();
  for (const c of candidates) {
    const key = level === 'REGION' ? c.regionId : c.municipalityId;
    let row = rows.get(key);
    if (!row) {
      row = {
        regionId: c.regionId,
        municipalityId: level === 'REGION' ? null : c.municipalityId,
        schools: 0,
        eligible: 0,
        review: 0,
        notEligible: 0,
        insufficientData: 0,
        exitCandidates: 0,
      };
      rows.set(key, row);
    }
    row.schools += 1;
    row[FIELD[c.status]] += 1;
    if (c.exitCandidate) row.exitCandidates += 1;
  }
  return [...rows.values()].sort(
    (a, b) => a.regionId - b.regionId || (a.municipalityId ?? 0) - (b.municipalityId ?? 0),
  );
}
