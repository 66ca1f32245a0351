import { type HeaderMap } from './headers.js';
import { type RowReader } from './row-reader.js';
import { reason } from './values.js';
import { type BadRow, type FieldSpec, type ImportKind, type ValidationEnv } from './types.js';

/** Validates the current row of the reader: the staging row (without its line), or null if it is bad. */
export type RowValidator = (r: RowReader) => unknown[] | null;

/** One kind of file: its columns, and how a row becomes a staging row. */
export interface Format {
  kind: ImportKind;
  fields: readonly FieldSpec[];
  /** Staging columns after `line`, in the order validators return values. */
  stagingColumns: readonly string[];
  /** A validator for a file with these headers, or the header's defects (reported at the header line). */
  prepare(headers: HeaderMap, env: ValidationEnv, headerLine: number): RowValidator | BadRow[];
}

export const field = (key: string, names: readonly string[], required = true): FieldSpec => ({
  key,
  names,
  required,
});

const UNKNOWN_SCHOOL = reason(
  'школы с таким логином нет в реестре (сначала импортируйте реестр школ)',
  'no school with this code in the registry (import the school registry first)',
);
export const OUT_OF_SCOPE = reason(
  'школа вне вашего региона: вы можете загружать данные только своего региона',
  'the school is outside your region: you may import rows of your own region only',
);

/** The registry id of the row's school, checked against the importer's regions. */
export function schoolId(r: RowReader, env: ValidationEnv, key = 'code'): number | null {
  const code = r.required(key);
  if (code === null) return null;
  const school = env.school(code);
  if (!school) return r.reject(key, UNKNOWN_SCHOOL);
  if (env.regionIds && !env.regionIds.includes(school.regionId)) return r.reject(key, OUT_OF_SCOPE);
  return school.id;
}

/** The standard columns of every result file. */
export const YEAR = field('year', ['Год', 'year']);
export const SCHOOL_CODE = field('code', ['Логин', 'code']);
export const SUBJECT = field('subject', ['Предмет', 'subject']);
export const PARTICIPANTS = field('participants', [
  'Кол-во участников',
  'participants',
  'Количество участников',
]);
