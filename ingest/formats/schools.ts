import {
  type Locality,
  LOCALITY_NAMES_RU,
  SCHOOL_TYPE_NAMES_RU,
  type SchoolType,
} from '../../schema/enums.js';
import { field, type Format, OUT_OF_SCOPE } from './format.js';
import { normalizeHeader } from './headers.js';
import { reason } from './values.js';

/** The school registry: one row per school, keyed by its login/code; places by name. */

function namesOf<T extends string>(names: Record<T, string>): ReadonlyMap<string, T> {
  const entries = Object.entries(names) as [T, string][];
  return new Map<string, T>([
    ...entries.map(([code, name]) => [normalizeHeader(name), code] as const),
    ...entries.map(([code]) => [code.toLowerCase(), code] as const),
  ]);
}

const TYPES = namesOf<SchoolType>(SCHOOL_TYPE_NAMES_RU);
const LOCALITIES = namesOf<Locality>(LOCALITY_NAMES_RU);

const UNKNOWN_TYPE = reason(
  `неизвестный тип ОО (допустимы: ${Object.values(SCHOOL_TYPE_NAMES_RU).join(', ')})`,
  `unknown school type (accepted: ${Object.values(SCHOOL_TYPE_NAMES_RU).join(', ')})`,
);
const UNKNOWN_LOCALITY = reason(
  `неизвестная местность (допустимы: ${Object.values(LOCALITY_NAMES_RU).join(', ')})`,
  `unknown locality (accepted: ${Object.values(LOCALITY_NAMES_RU).join(', ')})`,
);
const UNKNOWN_REGION_FOR_ANALYST = reason(
  'регион не найден или не ваш: вы можете загружать школы только своего региона',
  'unknown region or not yours: you may import schools of your own region only',
);

/** Place names are stored as written, with runs of spaces collapsed. */
const tidy = (text: string) => text.replace(/\s+/g, ' ');

export const SCHOOLS_FORMAT: Format = {
  kind: 'schools',
  fields: [
    field('region', ['Регион', 'region']),
    field('municipality', ['Муниципалитет', 'municipality']),
    field('code', ['Логин', 'code']),
    field('name', ['ОО', 'name']),
    field('type', ['Тип ОО', 'type']),
    field('locality', ['Местность', 'locality']),
    field('students', ['Численность обучающихся', 'students']),
  ],
  stagingColumns: ['region_name', 'municipality_name', 'code', 'name', 'type', 'locality', 'students'],
  prepare(_headers, env) {
    return (r) => {
      const region = r.required('region');
      if (region !== null && env.regionIds) {
        const id = env.region(region);
        if (id === undefined || !env.regionIds.includes(id)) r.reject('region', UNKNOWN_REGION_FOR_ANALYST);
      }
      const municipality = r.required('municipality');
      const code = r.required('code');
      const existing = code === null ? undefined : env.school(code);
      if (existing && env.regionIds && !env.regionIds.includes(existing.regionId)) {
        r.reject('code', OUT_OF_SCOPE);
      }
      const name = r.required('name');
      const type = TYPES.get(normalizeHeader(r.text('type')));
      if (!type) r.reject('type', UNKNOWN_TYPE);
      const locality = LOCALITIES.get(normalizeHeader(r.text('locality')));
      if (!locality) r.reject('locality', UNKNOWN_LOCALITY);
      const students = r.integer('students', 0);
      if (r.failed || region === null || municipality === null || name === null) return null;
      return [tidy(region), tidy(municipality), code, tidy(name), type, locality, students];
    };
  },
};
