import { type RowReader } from '../row-reader.js';
import { reason } from '../values.js';
import {
  dateOf,
  enumOf,
  field,
  inScope,
  labels,
  municipalityOf,
  OUTSIDE_SCOPE,
  regionOf,
  schoolOf,
  type SupportEnv,
  type SupportFormat,
  type SupportRow,
} from './common.js';

/**
 * `events` (SUPPORT-V1 §1 Event: семинар, вебинар, курсы, совещание, открытый урок): kind, date,
 * level, title, participants ≥ 0, the organiser — a school (by code), else a municipality, else
 * the region — and the schools it reached (codes separated by «,», «;» or spaces), every one in the
 * importer's scope like the organiser. Key within the file and in the table: organiser, kind,
 * date, title; level, participants and the schools are values (the schools replaced as a whole).
 */
export interface EventRow extends SupportRow {
  kind: 'SEMINAR' | 'WEBINAR' | 'COURSE' | 'MEETING' | 'OPEN_LESSON';
  date: string;
  level: 'SCHOOL' | 'MUNICIPALITY' | 'REGION' | 'FEDERAL';
  regionId: number;
  municipalityId: number | null;
  schoolId: number | null;
  title: string;
  participants: number;
  /** Sorted, distinct. */
  schoolIds: number[];
}

const FIELDS = [
  field('kind', ['Вид', 'kind', 'Вид мероприятия', 'Форма']),
  field('date', ['Дата', 'date', 'Дата проведения']),
  field('level', ['Уровень', 'level']),
  field('region', ['Регион', 'region', 'Код региона'], false),
  field('municipality', ['Муниципалитет', 'municipality', 'Муниципальное образование'], false),
  field('school', ['Код ОО', 'school', 'Школа-организатор', 'organiserSchool'], false),
  field('title', ['Тема', 'title', 'Наименование', 'Название']),
  field('participants', ['Кол-во участников', 'participants', 'Количество участников', 'Участников']),
  field('schools', ['Школы', 'schools', 'Коды ОО', 'Школы-участники'], false),
];

const KIND = {
  SEMINAR: ['семинар'],
  WEBINAR: ['вебинар'],
  COURSE: ['курс'],
  MEETING: ['совещан', 'заседан', 'встреч'],
  OPEN_LESSON: ['открыт'],
} as const;
const LEVEL = {
  SCHOOL: ['школ', 'оо'],
  MUNICIPALITY: ['муницип'],
  REGION: ['регион'],
  FEDERAL: ['федерал', 'всероссийск'],
} as const;

const NO_ORGANISER = reason(
  'организатор: укажите «Код ОО», «Муниципалитет» или «Регион»',
  'the organiser: give «Код ОО» (school), «Муниципалитет» or «Регион»',
);
const UNKNOWN_SCHOOLS = (codes: string[]) =>
  reason(
    `нет в реестре или вне вашей зоны: ${codes.join(', ')}`,
    `not in the registry or outside your scope: ${codes.join(', ')}`,
  );

function organiserOf(r: RowReader, env: SupportEnv) {
  if (r.text('school') !== '') {
    const school = schoolOf(r, env, 'school');
    return (
      school && {
        regionId: school.regionId,
        municipalityId: school.municipalityId,
        schoolId: school.id,
        column: 'school',
      }
    );
  }
  if (r.text('municipality') !== '') {
    const m = municipalityOf(r, env, 'municipality', 'region');
    return m && { regionId: m.regionId, municipalityId: m.id, schoolId: null, column: 'municipality' };
  }
  const regionId = regionOf(r, env, 'region');
  if (regionId === undefined) return r.reject('region', NO_ORGANISER, '');
  return regionId === null ? null : { regionId, municipalityId: null, schoolId: null, column: 'region' };
}

/** The schools reached: every code known and in scope, else one bad cell listing the others. */
function schoolsOf(r: RowReader, env: SupportEnv): number[] | null {
  const codes = r
    .text('schools')
    .split(/[\s,;]+/)
    .filter(Boolean);
  const ids = new Set<number>();
  const bad: string[] = [];
  for (const code of codes) {
    const school = env.school(code);
    const place = school && {
      regionId: school.regionId,
      municipalityId: school.municipalityId,
      schoolId: school.id,
    };
    if (school && place && inScope(env.scope, place)) ids.add(school.id);
    else bad.push(code);
  }
  if (bad.length) return r.reject('schools', UNKNOWN_SCHOOLS(bad.slice(0, 20)));
  return [...ids].sort((a, b) => a - b);
}

function validate(r: RowReader, env: SupportEnv): EventRow | null {
  const kind = enumOf(r, 'kind', KIND, reason('неизвестный вид мероприятия', 'unknown kind of event'));
  const date = dateOf(r, 'date');
  const level = enumOf(r, 'level', LEVEL, reason('неизвестный уровень', 'unknown level'));
  const title = r.required('title');
  const participants = r.integer('participants', 0);
  const organiser = organiserOf(r, env);
  if (organiser && !inScope(env.scope, organiser)) {
    r.reject(organiser.column, OUTSIDE_SCOPE(r.text(organiser.column) || r.label(organiser.column)));
  }
  const schoolIds = schoolsOf(r, env);
  if (r.failed || !kind || !date || !level || !title || participants === null || !organiser || !schoolIds) {
    return null;
  }
  return {
    line: r.line,
    key: [organiser.regionId, organiser.municipalityId, organiser.schoolId, kind, date, title].join('|'),
    keyText: [r.text(organiser.column), kind, date, title].join(' '),
    kind,
    date,
    level,
    regionId: organiser.regionId,
    municipalityId: organiser.municipalityId,
    schoolId: organiser.schoolId,
    title,
    participants,
    schoolIds,
  };
}

export const EVENTS_FORMAT: SupportFormat<EventRow> = {
  kind: 'events',
  fields: FIELDS,
  keyColumns: (headers) => labels(headers, ['school', 'kind', 'date', 'title']),
  prepare: (_headers, env) => (r) => validate(r, env),
};
