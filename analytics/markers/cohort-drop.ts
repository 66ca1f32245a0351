import { round12 } from '../arithmetic.js';
import { type VprCell } from '../frames.js';
import { markShares } from '../marks.js';
import { type MethodologyParams } from '../methodology/params.js';
import { fixedRu, trimmedRu } from './format.js';
import { type Marker, PREFILTER_SLACK, type RegionStats } from './types.js';

/** The mean mark before round12: only for the pre-check, the decision uses markShares. */
const rawMeanMark = (c: VprCell): number => (2 * c.n2 + 3 * c.n3 + 4 * c.n4 + 5 * c.n5) / c.participants;

/** The cohort compared: grade 4 in y against the same school's grade 5 in y + 1 (METHODOLOGY-V1 §3). */
export const COHORT_FROM_GRADE = 4;
export const COHORT_TO_GRADE = 5;

export type CohortDropCheck = (
  grade4: VprCell,
  grade5: VprCell,
  region4: RegionStats | undefined,
  region5: RegionStats | undefined,
) => Marker | null;

/**
 * COHORT_DROP (METHODOLOGY-V1 §3): [meanMark(s,4,y) − meanMark(s,5,y+1)] − [meanMark(r,4,y) −
 * meanMark(r,5,y+1)] ≥ cohortDropMeanMark, both school rows with N ≥ minMarkerN. Subtracting the
 * region's drop removes what is normal (grade 5 is harder); what remains points to an inflated grade 4,
 * so the marker sits on (y, grade 4). The caller pairs the rows; this only judges a pair.
 */
export function createCohortDropCheck(params: MethodologyParams): CohortDropCheck {
  const { minMarkerN, cohortDropMeanMark, cohortSubjects } = params.markers;
  const cut = round12(cohortDropMeanMark);
  const subjects = new Set(cohortSubjects);
  const cutText = trimmedRu(cohortDropMeanMark); // formatted once, not per marker

  return (grade4, grade5, region4, region5) => {
    const paired =
      grade4.grade === COHORT_FROM_GRADE &&
      grade5.grade === COHORT_TO_GRADE &&
      grade5.schoolId === grade4.schoolId &&
      grade5.subject === grade4.subject &&
      grade5.year === grade4.year + 1 &&
      subjects.has(grade4.subject);
    if (!paired || grade4.participants < minMarkerN || grade5.participants < minMarkerN) return null;

    const r4 = region4?.meanMark ?? null;
    const r5 = region5?.meanMark ?? null;
    if (r4 === null || r5 === null) return null;
    // Unrounded pre-check: most pairs are far below the cut and need no rounded arithmetic at all.
    if (rawMeanMark(grade4) - rawMeanMark(grade5) - (r4 - r5) < cut - PREFILTER_SLACK) return null;

    const school4 = markShares(grade4).meanMark;
    const school5 = markShares(grade5).meanMark;
    if (school4 === null || school5 === null) return null;

    const schoolDrop = round12(school4 - school5);
    const regionDrop = round12(r4 - r5);
    const value = round12(schoolDrop - regionDrop);
    if (value < cut) return null;
    return {
      schoolId: grade4.schoolId,
      year: grade4.year,
      grade: grade4.grade,
      subject: grade4.subject,
      code: 'COHORT_DROP',
      value,
      threshold: cohortDropMeanMark,
      regionValue: regionDrop,
      detail:
        `средняя отметка ${fixedRu(school4, 2)} (4 кл., ${grade4.year}) → ${fixedRu(school5, 2)} ` +
        `(5 кл., ${grade5.year}): падение ${fixedRu(schoolDrop, 2)} при ${fixedRu(regionDrop, 2)} по региону ` +
        `(разница ${fixedRu(value, 2)} ≥ ${cutText})`,
      figures: {
        participants: grade4.participants,
        meanMark: school4,
        nextMeanMark: school5,
        nextParticipants: grade5.participants,
        regionMeanMark: r4,
        regionNextMeanMark: r5,
        schoolDrop,
        regionDrop,
      },
    };
  };
}
