import { type RowReader } from '../row-reader.js';
import { reason } from '../values.js';
import { activityOf } from './activities.js';
import { ROADMAP_FIELDS } from './activity-statuses.js';
import {
  enumOf,
  field,
  labels,
  linkOf,
  pastDateOf,
  scopedSchool,
  type SupportEnv,
  type SupportFormat,
  type SupportRow,
} from './common.js';

/**
 * `activity-reports` (SUPPORT-V1 §1 ActivityReport): a school's report on an activity of its
 * municipality's roadmap that requires school reports (§3 step 6), dated no later than today where
 * the school is, DONE / IN_PROGRESS / NOT_DONE, a note and an http(s) evidence link — the rules of
 * `reportActivity`. The school must lie in the importer's scope. Reports are append-only: a row
 * equal to a stored report is unchanged, any other is a new report. Key within the file: roadmap,
 * number, school, date, status.
 */
export interface ActivityReportRow extends SupportRow {
  activityId: string;
  schoolId: number;
  date: string;
  status: 'DONE' | 'IN_PROGRESS' | 'NOT_DONE';
  note: string | null;
  evidenceUrl: string | null;
}

const FIELDS = [
  ...ROADMAP_FIELDS,
  field('school', ['Код ОО', 'school', 'Школа', 'Логин', 'schoolCode']),
  field('date', ['Дата', 'date', 'Дата отчёта']),
  field('status', ['Статус', 'status', 'Отметка о выполнении']),
  field('note', ['Примечание', 'note', 'Комментарий', 'Что сделано'], false),
  field('evidenceUrl', ['Ссылка', 'evidenceUrl', 'Подтверждение', 'Ссылка на подтверждение'], false),
];

const STATUS = {
  NOT_DONE: ['не выполнен', 'не исполнен', 'не проведен'],
  IN_PROGRESS: ['в работе', 'выполняется', 'в процессе'],
  DONE: ['выполнен', 'исполнен', 'проведен'],
} as const;

function validate(r: RowReader, env: SupportEnv): ActivityReportRow | null {
  const activity = activityOf(r, env, 'roadmap', 'number');
  const school = scopedSchool(r, env, 'school');
  if (activity && school) {
    if (activity.level !== 'MUNICIPALITY' || activity.municipalityId !== school.municipalityId) {
      r.reject(
        'roadmap',
        reason(
          `мероприятие не из дорожной карты муниципалитета школы ${school.code}: школа отчитывается по карте своего муниципалитета`,
          `the activity is not on a roadmap of the municipality of school ${school.code}: a school reports on its municipality's roadmap`,
        ),
      );
    } else if (!activity.requiresSchoolReport) {
      r.reject(
        'number',
        reason(
          'по этому мероприятию отчёт школы не требуется',
          'this activity does not require school reports (requiresSchoolReport is false)',
        ),
      );
    }
  }
  const date = pastDateOf(r, env, 'date', school?.regionId ?? null);
  const status = enumOf(r, 'status', STATUS, reason('неизвестный статус', 'unknown status'));
  const evidenceUrl = linkOf(r, 'evidenceUrl');
  if (r.failed || !activity || !school || !date || !status || evidenceUrl === undefined) return null;
  return {
    line: r.line,
    key: [activity.id, school.id, date, status].join('|'),
    keyText: [activity.roadmapId, r.text('number'), school.code, date, status].join(' '),
    activityId: activity.id,
    schoolId: school.id,
    date,
    status,
    note: r.text('note') || null,
    evidenceUrl,
  };
}

export const ACTIVITY_REPORTS_FORMAT: SupportFormat<ActivityReportRow> = {
  kind: 'activity-reports',
  fields: FIELDS,
  namesActivities: true,
  keyColumns: (headers) => labels(headers, ['roadmap', 'number', 'school', 'date', 'status']),
  prepare: (_headers, env) => (r) => validate(r, env),
};
