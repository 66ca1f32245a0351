import { VPR_GRADES } from '../../schema/enums.js';
import { field, type Format, PARTICIPANTS, SCHOOL_CODE, schoolId, SUBJECT, YEAR } from './format.js';
import { MARK_FIELDS, markColumns, MISSING_MARK_COLUMNS, readMarks } from './marks.js';
import { type RowReader } from './row-reader.js';
import { subjectFor } from './subjects.js';
import { parseInteger, reason } from './values.js';

/** ВПР mark statistics: one row per school × year × grade × subject (DATA-FORMATS.md). */

const JOURNAL_KEYS = ['lowered', 'confirmed', 'raised'] as const;
/** A primary score beyond this is a typo, not a ВПР (the longest papers have about 50 points). */
const MAX_PRIMARY_SCORE = 200;

const BAD_GRADE = reason(
  `класс должен быть одним из ${VPR_GRADES.join(', ')}`,
  `the grade must be one of ${VPR_GRADES.join(', ')}`,
);

const NO_JOURNAL: readonly null[] = [null, null, null];

/** Понизили / Подтвердили / Повысили: all three or none, summing to at most N. */
function readJournal(r: RowReader, participants: number | null): readonly (number | null)[] {
  if (!r.has('lowered') && !r.has('confirmed') && !r.has('raised')) return NO_JOURNAL;
  const present = JOURNAL_KEYS.filter((key) => r.text(key) !== '');
  if (present.length === 0) return NO_JOURNAL;
  const columns = JOURNAL_KEYS.map((key) => r.label(key)).join(', ');
  const shown = JOURNAL_KEYS.map((key) => r.text(key)).join('; ');
  if (present.length < 3) {
    r.reject(
      'lowered',
      reason(
        'сравнение с журналом: нужны все три числа (понизили, подтвердили, повысили) или ни одного',
        'journal comparison: give all three counts (lowered, confirmed, raised) or none',
      ),
      shown,
      columns,
    );
    return [null, null, null];
  }
  const values = JOURNAL_KEYS.map((key) => r.integer(key, 0));
  const sum = values.reduce<number>((a, b) => a + (b ?? 0), 0);
  if (participants !== null && values.every((v) => v !== null) && sum > participants) {
    r.reject(
      'lowered',
      reason(
        `сравнение с журналом: ${sum} больше числа участников ${participants}`,
        `journal comparison: ${sum} exceeds the ${participants} participants`,
      ),
      shown,
      columns,
    );
  }
  return values;
}

/** Баллы: counts per primary score 0…max, «|»-separated, max + 1 entries summing to N. */
function readScores(r: RowReader, participants: number | null, maxScore: number | null): number[] | null {
  const text = r.text('scores');
  if (text === '') return null;
  if (maxScore === null) {
    if (r.text('maxScore') === '') {
      r.reject('maxScore', reason('нужен вместе с «Баллы»', 'required with «Баллы» (scores)'), '');
    }
    return null;
  }
  const counts = text.split('|').map((part) => parseInteger(part.trim()));
  if (counts.some((c) => typeof c !== 'number' || c < 0)) {
    return r.reject(
      'scores',
      reason('не целые неотрицательные числа через «|»', 'not «|»-separated counts ≥ 0'),
    );
  }
  const numbers = counts as number[];
  if (numbers.length !== maxScore + 1) {
    return r.reject(
      'scores',
      reason(
        `${numbers.length} чисел, а при максимальном балле ${maxScore} нужно ${maxScore + 1}`,
        `${numbers.length} counts, but a maximum score of ${maxScore} needs ${maxScore + 1}`,
      ),
    );
  }
  const sum = numbers.reduce((a, b) => a + b, 0);
  if (participants !== null && sum !== participants) {
    return r.reject(
      'scores',
      reason(
        `сумма распределения баллов ${sum} не равна числу участников ${participants}`,
        `the score distribution sums to ${sum}, not to the ${participants} participants`,
      ),
    );
  }
  return numbers;
}

export const VPR_FORMAT: Format = {
  kind: 'vpr',
  fields: [
    YEAR,
    SCHOOL_CODE,
    field('grade', ['Класс', 'grade']),
    SUBJECT,
    PARTICIPANTS,
    ...MARK_FIELDS,
    field('lowered', ['Понизили', 'lowered'], false),
    field('confirmed', ['Подтвердили', 'confirmed'], false),
    field('raised', ['Повысили', 'raised'], false),
    field('scores', ['Баллы', 'scores'], false),
    field('maxScore', ['Макс. балл', 'maxScore', 'Максимальный балл'], false),
  ],
  stagingColumns: [
    'school_id',
    'year',
    'grade',
    'subject',
    'participants',
    'n2',
    'n3',
    'n4',
    'n5',
    'lowered',
    'confirmed',
    'raised',
    'scores',
    'max_score',
  ],
  prepare(headers, env, headerLine) {
    const marks = markColumns((key) => headers.index.has(key));
    if (!marks) return [{ line: headerLine, column: '2', value: '', reason: MISSING_MARK_COLUMNS }];
    return (r) => {
      const year = r.year();
      const school = schoolId(r, env);
      let grade = r.integer('grade', 0);
      if (grade !== null && !(VPR_GRADES as readonly number[]).includes(grade))
        grade = r.reject('grade', BAD_GRADE);
      const subject = subjectFor(r.text('subject'), 'vpr', grade);
      if (typeof subject !== 'string') r.reject('subject', subject);
      const participants = r.integer('participants', 1);
      const counts = readMarks(r, participants, marks === 'percent');
      const journal = readJournal(r, participants);
      const maxScore = r.optionalInteger('maxScore', 0, MAX_PRIMARY_SCORE);
      const scores = readScores(r, participants, maxScore);
      if (r.failed || !counts) return null;
      return [school, year, grade, subject, participants, ...counts, ...journal, scores, maxScore];
    };
  },
};
