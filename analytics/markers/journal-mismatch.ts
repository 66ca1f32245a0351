import { ratio, round12 } from '../arithmetic.js';
import { type VprCell } from '../frames.js';
import { type MethodologyParams } from '../methodology/params.js';
import { cutPercentRu, percentRu } from './format.js';
import { type Marker, PREFILTER_SLACK } from './types.js';

export type JournalMismatchCheck = (cell: VprCell) => Marker | null;

/**
 * JOURNAL_MISMATCH (METHODOLOGY-V1 §3): raised/N ≥ journalRaisedShare, where «Повысили» counts
 * students whose ВПР mark is above their journal mark — many of them suggest a ВПР marked up.
 * Rows without journal counts (raised null) carry no evidence either way.
 */
export function createJournalMismatchCheck(params: MethodologyParams): JournalMismatchCheck {
  const { minMarkerN, journalRaisedShare } = params.markers;
  const cut = round12(journalRaisedShare);
  const cutText = cutPercentRu(journalRaisedShare); // formatted once, not per marker

  return (cell) => {
    const n = cell.participants;
    const raised = cell.raised;
    if (raised === null || n < minMarkerN || raised / n < cut - PREFILTER_SLACK) return null;
    const value = ratio(raised, n);
    if (value === null || value < cut) return null;
    return {
      schoolId: cell.schoolId,
      year: cell.year,
      grade: cell.grade,
      subject: cell.subject,
      code: 'JOURNAL_MISMATCH',
      value,
      threshold: journalRaisedShare,
      regionValue: null,
      detail:
        `отметку выше журнальной получили ${percentRu(value)} участников ` +
        `(${raised} из ${n}; ≥ ${cutText})`,
      figures: { participants: n, raised },
    };
  };
}
