import {
  firstOfMonth,
  isValidYmd,
  isoDate,
  lastOfMonth,
  maxIso,
  minIso,
  parseIso,
  previousDay,
} from './dates.js';
import { monthOfGenitive, parseMonths } from './months.js';
import { normaliseDeadline } from './normalise.js';
import { SUPPORT_V1, type SupportParams } from './params.js';

export { normaliseDeadline } from './normalise.js';
export { activityStatus, lastRecordAsOf } from './status.js';
export type { ActivityRecordStatus, ActivityStatus, StatusRecord } from './status.js';

/** The kinds of SUPPORT-V1 §2, in the order of its table: the first matching kind applies. */
export type DeadlineKind =
  | 'WHOLE_PERIOD'
  | 'NO_DUE'
  | 'PERIOD_YEAR'
  | 'SCHOOL_YEAR'
  | 'YEAR'
  | 'DATE'
  | 'QUARTER'
  | 'MONTHS'
  | 'UNPARSED';

/** A roadmap's period, ISO dates, both ends included, start ≤ end. */
export interface DeadlinePeriod {
  start: string;
  end: string;
}

export interface ParsedDeadline {
  kind: DeadlineKind;
  /** ISO date, or null: NO_DUE and UNPARSED, and the kinds that need the period when none is given. */
  start: string | null;
  /** ISO date, or null as for start. */
  due: string | null;
  /** Fixed by the text alone (§2, last paragraph of MONTHS): DATE, QUARTER, YEAR, SCHOOL_YEAR with
   * years and MONTHS with a year. Only these derive the period (§3 step 7). */
  explicit: boolean;
  /**
   * What this deadline contributes to the earliest start when the import derives the period
   * (§3 step 7): start for explicit deadlines, except after «до»/«не позднее», where it is the date
   * itself; null for the deadlines that are not explicit. It does not depend on the period.
   */
  startForPeriod: string | null;
  /** The text after §2 normalisation (for an import warning on UNPARSED). */
  normalised: string;
}

const SCHOOL_YEAR_RANGE = /^(?:в течение )?(\d{4})[-/](\d{4}) (?:учебного года|учебный год)$/;
const YEAR_RANGE = /^(?:в течение )?(\d{4})(?:-(\d{4}))?$/;
const NUMERIC_DATE = /^(\d{2})\.(\d{2})\.(\d{4})$/;
const WORD_DATE = /^(\d{1,2}) (\p{L}+) (\d{4})$/u;
const QUARTER = /^(?:в )?(iv|iii|ii|i|[1-4]) (?:квартал|квартале) (\d{4})$/;
const ROMAN: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4 };

type Dates = Pick<ParsedDeadline, 'kind' | 'start' | 'due' | 'explicit' | 'startForPeriod'>;

const fixed = (kind: DeadlineKind, start: string, due: string): Dates => ({
  kind,
  start,
  due,
  explicit: true,
  startForPeriod: start,
});
/** A kind resolved through the period: null dates without one. */
const throughPeriod = (kind: DeadlineKind, dates: { start: string; due: string } | null): Dates => ({
  kind,
  start: dates?.start ?? null,
  due: dates?.due ?? null,
  explicit: false,
  startForPeriod: null,
});
const UNPARSED: Dates = { kind: 'UNPARSED', start: null, due: null, explicit: false, startForPeriod: null };

/** periodStart + 1 year − 1 day; the year from 29 Feb ends on 28 Feb (its anniversary is 1 Mar). */
function oneYearFrom(start: string): string {
  const { y, m, d } = parseIso(start);
  const anniversary = isValidYmd(y + 1, m, d) ? isoDate(y + 1, m, d) : isoDate(y + 1, 3, 1);
  return previousDay(anniversary);
}

/** The date of a DATE text without its «до»/«не позднее» prefix, if it is one and valid. */
function parseDate(text: string): string | null {
  const numeric = NUMERIC_DATE.exec(text);
  const word = numeric ? null : WORD_DATE.exec(text);
  const d = Number(numeric?.[1] ?? word?.[1]);
  const m = numeric ? Number(numeric[2]) : monthOfGenitive(word?.[2] ?? '');
  const y = Number(numeric?.[3] ?? word?.[3]);
  if (m === undefined || !isValidYmd(y, m, d)) return null;
  return isoDate(y, m, d);
}

function classify(t: string, period: DeadlinePeriod | null, params: SupportParams): Dates {
  const p = params.deadlines;
  const among = (texts: readonly string[]): boolean =>
    texts.some((text) => normaliseDeadline(text, params) === t);

  if (among(p.wholePeriodTexts)) {
    return throughPeriod('WHOLE_PERIOD', period && { start: period.start, due: period.end });
  }
  if (among(p.noDueTexts)) return { ...UNPARSED, kind: 'NO_DUE' };
  if (among(p.periodYearTexts)) {
    return throughPeriod(
      'PERIOD_YEAR',
      period && { start: period.start, due: minIso(period.end, oneYearFrom(period.start)) },
    );
  }
  if (among(p.schoolYearTexts)) {
    if (!period) return throughPeriod('SCHOOL_YEAR', null);
    const s = parseIso(period.start);
    const a = s.m >= p.schoolYearStartMonth ? s.y : s.y - 1;
    const yearStart = firstOfMonth(a, p.schoolYearStartMonth);
    const yearEnd = previousDay(firstOfMonth(a + 1, p.schoolYearStartMonth));
    return throughPeriod('SCHOOL_YEAR', {
      start: maxIso(period.start, yearStart),
      due: minIso(period.end, yearEnd),
    });
  }

  const schoolYear = SCHOOL_YEAR_RANGE.exec(t);
  if (schoolYear) {
    const a = Number(schoolYear[1]);
    if (Number(schoolYear[2]) === a + 1 && a >= 1 && a + 1 <= 9999) {
      return fixed(
        'SCHOOL_YEAR',
        firstOfMonth(a, p.schoolYearStartMonth),
        previousDay(firstOfMonth(a + 1, p.schoolYearStartMonth)),
      );
    }
  }

  const year = YEAR_RANGE.exec(t);
  if (year) {
    const from = Number(year[1]);
    const to = year[2] === undefined ? from : Number(year[2]);
    if (from >= 1 && to >= from) return fixed('YEAR', isoDate(from, 1, 1), isoDate(to, 12, 31));
  }

  const prefix = p.dateBeforePrefixes
    .map((text) => normaliseDeadline(text, params))
    .find((text) => text !== '' && t.startsWith(`${text} `));
  const date = parseDate(prefix === undefined ? t : t.slice(prefix.length + 1));
  if (date !== null) {
    if (prefix === undefined) return fixed('DATE', date, date);
    return { kind: 'DATE', start: period?.start ?? null, due: date, explicit: true, startForPeriod: date };
  }

  const quarter = QUARTER.exec(t);
  if (quarter) {
    const q = ROMAN[quarter[1] ?? ''] ?? Number(quarter[1]);
    const y = Number(quarter[2]);
    if (y >= 1) return fixed('QUARTER', firstOfMonth(y, 3 * q - 2), lastOfMonth(y, 3 * q));
  }

  const months = parseMonths(t, period?.start ?? null);
  if (months) {
    if (months.explicit && months.start !== null && months.due !== null) {
      return fixed('MONTHS', months.start, months.due);
    }
    return throughPeriod(
      'MONTHS',
      months.start !== null && months.due !== null ? { start: months.start, due: months.due } : null,
    );
  }
  return UNPARSED;
}

/**
 * SUPPORT-V1 §2: the kind, start and due of a deadline text; the first matching kind of the table
 * applies to the normalised text.
 *
 * The kinds that are resolved through the period — WHOLE_PERIOD, PERIOD_YEAR, «в течение учебного
 * года», MONTHS without a year — give start = due = null and explicit = false when `period` is
 * null; so does «до»/«не позднее» DATE for its start (its due is the date). The roadmap import
 * (§3 step 7) therefore parses every deadline once without a period when none is given, derives
 * the period from the explicit ones — min(startForPeriod) … max(due) — and parses again with it.
 *
 * `period` must hold valid ISO dates (a RangeError otherwise).
 */
export function parseDeadline(
  text: string,
  period: DeadlinePeriod | null,
  params: SupportParams = SUPPORT_V1,
): ParsedDeadline {
  if (period) {
    parseIso(period.start);
    parseIso(period.end);
  }
  const normalised = normaliseDeadline(text, params);
  return { ...classify(normalised, period, params), normalised };
}
