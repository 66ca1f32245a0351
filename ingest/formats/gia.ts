import { field, type Format, PARTICIPANTS, SCHOOL_CODE, schoolId, SUBJECT, YEAR } from './format.js';
import { MARK_FIELDS, markColumns, MISSING_MARK_COLUMNS, readMarks } from './marks.js';
import { subjectFor } from './subjects.js';
import { reason } from './values.js';

/** ГИА: ОГЭ (marks as for ВПР) and ЕГЭ (below the minimum, mean test score), per school × year × subject. */

export const OGE_FORMAT: Format = {
  kind: 'oge',
  fields: [
    YEAR,
    SCHOOL_CODE,
    SUBJECT,
    PARTICIPANTS,
    ...MARK_FIELDS,
    field('meanPrimary', ['Средний первичный балл', 'meanPrimary'], false),
  ],
  stagingColumns: ['school_id', 'year', 'subject', 'participants', 'n2', 'n3', 'n4', 'n5', 'mean_primary'],
  prepare(headers, env, headerLine) {
    const marks = markColumns((key) => headers.index.has(key));
    if (!marks) return [{ line: headerLine, column: '2', value: '', reason: MISSING_MARK_COLUMNS }];
    return (r) => {
      const year = r.year();
      const school = schoolId(r, env);
      const subject = subjectFor(r.text('subject'), 'oge', null);
      if (typeof subject !== 'string') r.reject('subject', subject);
      const participants = r.integer('participants', 1);
      const counts = readMarks(r, participants, marks === 'percent');
      const meanPrimary = r.optionalDecimal('meanPrimary', 0);
      if (r.failed || !counts) return null;
      return [school, year, subject, participants, ...counts, meanPrimary];
    };
  },
};

export const EGE_FORMAT: Format = {
  kind: 'ege',
  fields: [
    YEAR,
    SCHOOL_CODE,
    SUBJECT,
    PARTICIPANTS,
    field('belowMin', ['Не преодолели минимальный порог', 'belowMin']),
    field('meanScore', ['Средний тестовый балл', 'meanScore'], false),
  ],
  stagingColumns: ['school_id', 'year', 'subject', 'participants', 'below_min', 'mean_score'],
  prepare(_headers, env) {
    return (r) => {
      const year = r.year();
      const school = schoolId(r, env);
      const subject = subjectFor(r.text('subject'), 'ege', null);
      if (typeof subject !== 'string') r.reject('subject', subject);
      const participants = r.integer('participants', 1);
      let belowMin = r.integer('belowMin', 0);
      if (belowMin !== null && participants !== null && belowMin > participants) {
        belowMin = r.reject(
          'belowMin',
          reason(`больше числа участников ${participants}`, `greater than the ${participants} participants`),
        );
      }
      const meanScore = r.optionalDecimal('meanScore', 0, 100);
      if (r.failed) return null;
      return [school, year, subject, participants, belowMin, meanScore];
    };
  },
};
