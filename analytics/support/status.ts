/** SUPPORT-V1 §2 **Status as of D** of a roadmap activity. */

export type ActivityRecordStatus = 'PLANNED' | 'IN_PROGRESS' | 'DONE';
/** OVERDUE is derived as of a date, never stored. */
export type ActivityStatus = ActivityRecordStatus | 'OVERDUE';

/** An activity status record: date (ISO), seq (insertion counter, orders one day's records), status. */
export interface StatusRecord {
  date: string;
  seq: number;
  status: ActivityRecordStatus;
}

/**
 * The last record dated ≤ asOf: the latest date, the highest seq on that date (on a tie of both,
 * the later in the array). undefined when there is none. Works for any dated record (documents
 * of §5 too).
 */
export function lastRecordAsOf<T extends { date: string; seq: number }>(
  records: readonly T[],
  asOf: string,
): T | undefined {
  let last: T | undefined;
  for (const record of records) {
    if (record.date > asOf) continue;
    if (
      last === undefined ||
      record.date > last.date ||
      (record.date === last.date && record.seq >= last.seq)
    ) {
      last = record;
    }
  }
  return last;
}

/**
 * The status as of `asOf`: the last record dated ≤ asOf, or PLANNED when there is none; DONE stays
 * DONE; otherwise OVERDUE when `due` is defined and asOf > due (not yet on the due date itself),
 * else the recorded PLANNED or IN_PROGRESS. `due` null (NO_DUE, UNPARSED) is never overdue.
 * School reports are not records and never change it.
 */
export function activityStatus(
  records: readonly StatusRecord[],
  due: string | null,
  asOf: string,
): ActivityStatus {
  const status = lastRecordAsOf(records, asOf)?.status ?? 'PLANNED';
  if (status === 'DONE') return 'DONE';
  if (due !== null && asOf > due) return 'OVERDUE';
  return status;
}
