import { type Marker } from '../../../analytics/markers/index.js';
import { type ObjectivityPolicy } from '../../../analytics/methodology/params.js';
import {
  explainShnorCandidate,
  orderCandidates,
  type ShnorCandidate,
  type ShnorCutoffs,
  type ShnorStatus,
  type YearEvidence,
} from '../../../analytics/shnor/index.js';

/** A marker as the list keeps it: the school is the entry's. */
export type StoredMarker = Omit<Marker, 'schoolId'>;

/** Everything the candidate's evidence showed at snapshot time, frozen with the entry. */
export interface EntryEvidence {
  lowIndex: number | null;
  lowRank: number | null;
  previousLowIndex: number | null;
  previousLowRank: number | null;
  current: YearEvidence & { marked: boolean };
  previous: YearEvidence & { marked: boolean };
  cutoffs: ShnorCutoffs;
  objectivityPolicy: ObjectivityPolicy;
  explanation: string;
  markers: StoredMarker[];
}

/** One school of a new list, as written. */
export interface EntrySnapshot {
  schoolId: number;
  position: number;
  schoolCode: string;
  schoolName: string;
  municipalityId: number;
  status: ShnorStatus;
  exitCandidate: boolean;
  previouslyListed: boolean;
  evidence: EntryEvidence;
}

export interface SnapshotSources {
  schools: ReadonlyMap<number, { code: string; name: string }>;
  /** markers of the list year and the year before, per school */
  markers: ReadonlyMap<number, readonly Marker[]>;
  /** schools included in the approved list of y − 1 */
  previousList: ReadonlySet<number>;
}

/**
 * Every candidate of the region (each school of the registry, whatever its status: a manual INCLUDE
 * of a NOT_ELIGIBLE school needs its evidence too, and one without results is a signal), in list order, with the
 * evidence and sentence of the moment: read back as stored, never recomputed.
 */
export function entrySnapshots(
  candidates: readonly ShnorCandidate[],
  sources: SnapshotSources,
): EntrySnapshot[] {
  // the order of shnorCandidates' default, from the one definition of it
  return orderCandidates(candidates, 'lowRank').map((c, position) => {
    const school = sources.schools.get(c.schoolId);
    return {
      schoolId: c.schoolId,
      position,
      schoolCode: school?.code ?? String(c.schoolId),
      schoolName: school?.name ?? '',
      municipalityId: c.municipalityId,
      status: c.status,
      exitCandidate: c.exitCandidate,
      previouslyListed: sources.previousList.has(c.schoolId),
      evidence: {
        lowIndex: c.current.lowIndex,
        lowRank: c.current.lowRank,
        previousLowIndex: c.previous.lowIndex,
        previousLowRank: c.previous.lowRank,
        current: { ...c.current, marked: c.markedCurrent },
        previous: { ...c.previous, marked: c.markedPrevious },
        cutoffs: c.cutoffs,
        objectivityPolicy: c.objectivityPolicy,
        explanation: explainShnorCandidate(c),
        markers: (sources.markers.get(c.schoolId) ?? []).map(({ schoolId: _school, ...m }) => m),
      },
    };
  });
}
