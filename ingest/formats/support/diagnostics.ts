import { type RowReader } from '../row-reader.js';
import { reason } from '../values.js';
import {
  dateOf,
  enumOf,
  field,
  labels,
  scopedSchool,
  type SupportEnv,
  type SupportFormat,
  type SupportRow,
} from './common.js';

/**
 * `diagnostics` (SUPPORT-V1 §1 Diagnostic: входной/промежуточный/итоговый мониторинг): counts per
 * school, grade 1–11, subject RU/MA, stage and date, N ≥ 1 and n2..n5 summing to N, as vpr_result
 * keeps them. The place is the school, in the importer's scope. Key: school, grade, subject, stage,
 * date — within the file and in the table (a stored row with the key is replaced).
 */
export interface DiagnosticRow extends SupportRow {
  schoolId: number;
  grade: number;
  subject: 'RU' | 'MA';
  stage: 'ENTRANCE' | 'INTERMEDIATE' | 'FINAL';
  date: string;
  participants: number;
  n2: number;
  n3: number;
  n4: number;
  n5: number;
}

const FIELDS = [
  field('school', ['Код ОО', 'school', 'Школа', 'Логин', 'schoolCode']),
  field('grade', ['Класс', 'grade']),
  field('subject', ['Предмет', 'subject']),
  field('stage', ['Этап', 'stage', 'Вид мониторинга', 'Мониторинг']),
  field('date', ['Дата', 'date', 'Дата проведения']),
  field('participants', ['Кол-во участников', 'participants', 'Количество участников', 'N']),
  field('n2', ['2', 'n2']),
  field('n3', ['3', 'n3']),
  field('n4', ['4', 'n4']),
  field('n5', ['5', 'n5']),
];

const SUBJECT = { RU: ['русский'], MA: ['математика'] } as const;
const STAGE = {
  ENTRANCE: ['входн', 'стартов'],
  INTERMEDIATE: ['промежуточн'],
  FINAL: ['итогов'],
} as const;

function validate(r: RowReader, env: SupportEnv): DiagnosticRow | null {
  const school = scopedSchool(r, env, 'school');
  const grade = r.integer('grade', 1, 11);
  const subject = enumOf(
    r,
    'subject',
    SUBJECT,
    reason('диагностика — по русскому языку или математике', 'diagnostics are of Russian or mathematics'),
  );
  const stage = enumOf(r, 'stage', STAGE, reason('неизвестный этап', 'unknown stage'));
  const date = dateOf(r, 'date');
  const participants = r.integer('participants', 1);
  const n2 = r.integer('n2', 0);
  const n3 = r.integer('n3', 0);
  const n4 = r.integer('n4', 0);
  const n5 = r.integer('n5', 0);
  if (participants !== null && n2 !== null && n3 !== null && n4 !== null && n5 !== null) {
    const sum = n2 + n3 + n4 + n5;
    if (sum !== participants) {
      r.reject(
        'n2',
        reason(
          `сумма отметок ${sum} ≠ числу участников ${participants}`,
          `marks sum to ${sum}, not ${participants}`,
        ),
        [n2, n3, n4, n5].join(', '),
        ['n2', 'n3', 'n4', 'n5'].map((k) => r.label(k)).join(', '),
      );
    }
  }
  if (r.failed || !school || grade === null || !subject || !stage || !date || participants === null)
    return null;
  if (n2 === null || n3 === null || n4 === null || n5 === null) return null;
  return {
    line: r.line,
    key: [school.id, grade, subject, stage, date].join('|'),
    keyText: [school.code, grade, subject, stage, date].join(' '),
    schoolId: school.id,
    grade,
    subject,
    stage,
    date,
    participants,
    n2,
    n3,
    n4,
    n5,
  };
}

export const DIAGNOSTICS_FORMAT: SupportFormat<DiagnosticRow> = {
  kind: 'diagnostics',
  fields: FIELDS,
  keyColumns: (headers) => labels(headers, ['school', 'grade', 'subject', 'stage', 'date']),
  prepare: (_headers, env) => (r) => validate(r, env),
};
