import { type RowReader } from '../row-reader.js';
import { reason } from '../values.js';
import { activityOf, activityPlace } from './activities.js';
import {
  enumOf,
  field,
  inScope,
  labels,
  linkOf,
  OUTSIDE_SCOPE,
  pastDateOf,
  type SupportEnv,
  type SupportFormat,
  type SupportRow,
} from './common.js';

/**
 * `activity-statuses` (SUPPORT-V1 §1 Activity status records, §2 status as of D): a roadmap
 * activity named by roadmap id and number as written, a date, PLANNED / IN_PROGRESS / DONE, a note
 * and an http(s) evidence link. The roadmap's owner must lie in the importer's scope; the date is
 * no later than today where the roadmap is and at most a year before its period (the rule of
 * `recordActivityStatus`). Records are append-only: a row equal to a stored record is unchanged,
 * any other is a new record. Key within the file: roadmap, number, date, status.
 */
export interface ActivityStatusRow extends SupportRow {
  activityId: string;
  date: string;
  status: 'PLANNED' | 'IN_PROGRESS' | 'DONE';
  note: string | null;
  evidenceUrl: string | null;
}

export const ROADMAP_FIELDS = [
  field('roadmap', ['Дорожная карта', 'roadmap', 'roadmapId', 'ID дорожной карты', 'Номер дорожной карты']),
  field('number', ['№', 'number', '№ мероприятия', 'Номер мероприятия', 'activityNumber']),
];

const FIELDS = [
  ...ROADMAP_FIELDS,
  field('date', ['Дата', 'date', 'Дата статуса']),
  field('status', ['Статус', 'status', 'Статус исполнения']),
  field('note', ['Примечание', 'note', 'Комментарий'], false),
  field('evidenceUrl', ['Ссылка', 'evidenceUrl', 'Подтверждение', 'Ссылка на подтверждение'], false),
];

const STATUS = {
  PLANNED: ['заплан', 'не начат'],
  IN_PROGRESS: ['в работе', 'выполняется', 'в процессе', 'начат'],
  DONE: ['выполнен', 'исполнен', 'завершен', 'проведен'],
} as const;

/** How far before its period a record of a roadmap may be dated (here and in recordActivityStatus). */
export const DAYS_BEFORE_PERIOD = 366;

export function daysBefore(iso: string, days: number): string {
  const date = new Date(`${iso}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - days);
  return date.toISOString().slice(0, 10);
}

function validate(r: RowReader, env: SupportEnv): ActivityStatusRow | null {
  const activity = activityOf(r, env, 'roadmap', 'number');
  if (activity && !inScope(env.scope, activityPlace(activity))) {
    r.reject('roadmap', OUTSIDE_SCOPE(`дорожная карта ${activity.roadmapId}`));
  }
  const date = pastDateOf(r, env, 'date', activity?.regionId ?? null);
  if (activity && date !== null && date < daysBefore(activity.periodStart, DAYS_BEFORE_PERIOD)) {
    r.reject(
      'date',
      reason(
        `больше чем за год до периода дорожной карты (с ${activity.periodStart})`,
        `more than a year before the roadmap's period (from ${activity.periodStart})`,
      ),
    );
  }
  const status = enumOf(r, 'status', STATUS, reason('неизвестный статус', 'unknown status'));
  const evidenceUrl = linkOf(r, 'evidenceUrl');
  if (r.failed || !activity || !date || !status || evidenceUrl === undefined) return null;
  return {
    line: r.line,
    key: [activity.id, date, status].join('|'),
    keyText: [activity.roadmapId, r.text('number'), date, status].join(' '),
    activityId: activity.id,
    date,
    status,
    note: r.text('note') || null,
    evidenceUrl,
  };
}

export const ACTIVITY_STATUSES_FORMAT: SupportFormat<ActivityStatusRow> = {
  kind: 'activity-statuses',
  fields: FIELDS,
  namesActivities: true,
  keyColumns: (headers) => labels(headers, ['roadmap', 'number', 'date', 'status']),
  prepare: (_headers, env) => (r) => validate(r, env),
};
