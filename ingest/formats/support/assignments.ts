import { type RowReader } from '../row-reader.js';
import { reason } from '../values.js';
import {
  checkPeriod,
  dateOf,
  enumOf,
  field,
  inScope,
  labels,
  municipalityOf,
  optionalDateOf,
  OUTSIDE_SCOPE,
  schoolOf,
  type SupportEnv,
  type SupportFormat,
  type SupportRow,
} from './common.js';

/**
 * `assignments` (SUPPORT-V1 §1 Assignment): a COORDINATOR of a municipality or a CURATOR of a
 * school, the person (full name and key, the `person` claim of a curator's token), from, to. The
 * place is the municipality (a curator's: its school's); it must lie in the importer's scope.
 * Key within the file: kind, person key, municipality, school, from.
 */
export interface AssignmentRow extends SupportRow {
  kind: 'COORDINATOR' | 'CURATOR';
  personFullName: string;
  personKey: string;
  regionId: number;
  municipalityId: number;
  schoolId: number | null;
  validFrom: string;
  validTo: string | null;
}

const FIELDS = [
  field('kind', ['Вид', 'kind', 'Роль', 'Вид назначения']),
  field('personFullName', ['ФИО', 'personFullName', 'Куратор', 'Координатор', 'fullName']),
  field('personKey', ['Ключ', 'personKey', 'Идентификатор', 'Логин куратора']),
  field('region', ['Регион', 'region', 'Код региона'], false),
  field('municipality', ['Муниципалитет', 'municipality', 'Муниципальное образование'], false),
  field('school', ['Код ОО', 'school', 'Школа', 'Логин', 'schoolCode'], false),
  field('from', ['Дата начала', 'from', 'С', 'validFrom']),
  field('to', ['Дата окончания', 'to', 'По', 'validTo'], false),
];

const KIND = { COORDINATOR: ['координатор'], CURATOR: ['куратор'] } as const;

const COORDINATOR_SCHOOL = reason(
  'координатор назначается муниципалитету, не школе: оставьте «Код ОО» пустым',
  'a coordinator is assigned to a municipality, not a school: leave the school empty',
);
const CURATOR_NO_SCHOOL = reason(
  'куратор назначается школе: укажите «Код ОО»',
  'a curator is assigned to a school: give its code',
);
const NO_MUNICIPALITY = reason(
  'координатор назначается муниципалитету: укажите «Муниципалитет»',
  'a coordinator is assigned to a municipality: give it',
);
const OTHER_MUNICIPALITY = reason('школа не в этом муниципалитете', 'the school is not in this municipality');

function validate(r: RowReader, env: SupportEnv): AssignmentRow | null {
  const kind = enumOf(r, 'kind', KIND, reason('неизвестный вид назначения', 'unknown kind'));
  const personFullName = r.required('personFullName');
  const personKey = r.required('personKey');
  const hasSchool = r.text('school') !== '';
  const hasMunicipality = r.text('municipality') !== '';
  const school = hasSchool ? schoolOf(r, env, 'school') : null;
  const municipality = hasMunicipality ? municipalityOf(r, env, 'municipality', 'region') : null;
  if (kind === 'COORDINATOR' && hasSchool) r.reject('school', COORDINATOR_SCHOOL);
  if (kind === 'CURATOR' && !hasSchool) r.reject('school', CURATOR_NO_SCHOOL, '');
  if (kind === 'COORDINATOR' && !hasMunicipality) r.reject('municipality', NO_MUNICIPALITY, '');
  if (school && municipality && school.municipalityId !== municipality.id) {
    r.reject('municipality', OTHER_MUNICIPALITY);
  }
  const validFrom = dateOf(r, 'from');
  const validTo = optionalDateOf(r, 'to');
  checkPeriod(r, validFrom, validTo, 'to');
  const place = school
    ? { regionId: school.regionId, municipalityId: school.municipalityId, schoolId: school.id }
    : municipality
      ? { regionId: municipality.regionId, municipalityId: municipality.id, schoolId: null }
      : null;
  if (place && !inScope(env.scope, place)) {
    const column = school ? 'school' : 'municipality';
    r.reject(column, OUTSIDE_SCOPE(r.text(column)));
  }
  if (r.failed || !kind || !personFullName || !personKey || !place || !validFrom || validTo === undefined) {
    return null;
  }
  return {
    line: r.line,
    key: [kind, personKey, place.municipalityId, place.schoolId, validFrom].join('|'),
    keyText: [kind, personKey, school ? r.text('school') : r.text('municipality'), validFrom].join(' '),
    kind,
    personFullName,
    personKey,
    regionId: place.regionId,
    municipalityId: place.municipalityId,
    schoolId: place.schoolId,
    validFrom,
    validTo,
  };
}

export const ASSIGNMENTS_FORMAT: SupportFormat<AssignmentRow> = {
  kind: 'assignments',
  fields: FIELDS,
  keyColumns: (headers) => labels(headers, ['kind', 'personKey', 'school', 'from']),
  prepare: (_headers, env) => (r) => validate(r, env),
};
