import { scopeHolds } from '../../../db/scope.js';
import { type Scope } from '../../../db/viewer.js';
import { EVIDENCE_URL_PATTERN } from '../../../schema/entities/support/evidence-url.js';
import { type HeaderMap, normalizeHeader } from '../headers.js';
import { type RowReader } from '../row-reader.js';
import { type BadRow, type FieldSpec, type Reason, type SupportImportKind } from '../types.js';
import { reason } from '../values.js';

/**
 * What the support-list formats share (SUPPORT-V1 §1 lists imported in bulk): the registry as a
 * validator sees it, places by code or name, dates, enums with Russian aliases, the importer's
 * scope checked row by row, and the within-file key rule.
 */

/** A school of the registry with its place. */
export interface SupportSchool {
  id: number;
  code: string;
  municipalityId: number;
  regionId: number;
}

/** The place a row belongs to (SUPPORT-V1 §1 «place»). */
export interface RowPlace {
  regionId: number;
  municipalityId: number | null;
  schoolId: number | null;
}

/** The registry and the importer, read once per import (ingest/write/support/env.ts). */
export interface SupportEnv {
  school(code: string): SupportSchool | undefined;
  /** A region by its code («56») or its name (compared like headers). */
  region(text: string): number | undefined;
  /** A municipality by its id, or by its name within the region. */
  municipality(regionId: number | null, text: string): { id: number; regionId: number } | undefined;
  /** The importer's scope: every row's place must lie in it. */
  scope: Scope;
  /** The importer's own region when its scope is one region or municipalities of one region; else null. */
  ownRegionId: number | null;
  /** Today's date where the region is (region.time_zone), ISO: records and reports are of what was done. */
  today(regionId: number): string;
  /** The activities of a roadmap by number (activities.ts); loaded for the kinds that name activities. */
  activities(roadmapId: string): readonly SupportActivity[] | undefined;
}

/** A roadmap activity as the activity-statuses and activity-reports rows name it. */
export interface SupportActivity {
  id: string;
  roadmapId: string;
  number: string;
  level: 'REGION' | 'MUNICIPALITY' | 'SCHOOL';
  regionId: number;
  municipalityId: number | null;
  schoolId: number | null;
  periodStart: string;
  requiresSchoolReport: boolean;
}

/** A row as validated: its values, the key it may not repeat within the file, and its file line. */
export interface SupportRow {
  line: number;
  /** The natural key within the file (ids: the same place named by id or by name is the same key). */
  key: string;
  /** The key as an analyst reads it (reported when repeated). */
  keyText: string;
}

/** Validates the current row: the row, or null when it is bad (its defects are in the reader's sink). */
export type SupportValidator<T extends SupportRow> = (r: RowReader) => T | null;

/** One support-list kind: its columns, how a row is validated, the columns its key is reported at. */
export interface SupportFormat<T extends SupportRow> {
  kind: SupportImportKind;
  fields: readonly FieldSpec[];
  /** Rows name roadmap activities: the import loads them (the other kinds do not pay for it). */
  namesActivities?: boolean;
  /** The header of the key columns, for a repeated key. */
  keyColumns(headers: HeaderMap): string;
  prepare(headers: HeaderMap, env: SupportEnv, headerLine: number): SupportValidator<T> | BadRow[];
}

export const OUTSIDE_SCOPE = (place: string): Reason =>
  reason(
    `«${place}» вне вашей зоны: вы можете загружать списки только своего региона или муниципалитета`,
    `«${place}» is outside your scope: you may import the lists of your own region or municipality only`,
  );
const UNKNOWN_SCHOOL = reason(
  'школы с таким кодом нет в реестре (сначала импортируйте реестр школ)',
  'no school with this code in the registry (import the school registry first)',
);
const UNKNOWN_REGION = reason('нет региона с таким кодом или названием', 'no region with this code or name');
const UNKNOWN_MUNICIPALITY = reason(
  'нет муниципалитета с таким номером или названием в этом регионе',
  'no municipality with this id or name in this region',
);
const NEEDS_REGION = reason(
  'муниципалитет по названию ищется в регионе: добавьте столбец «Регион»',
  'a municipality named needs its region: add the column «Регион» (region)',
);
const BAD_DATE = reason(
  'не дата: ожидается ГГГГ-ММ-ДД или ДД.ММ.ГГГГ',
  'not a date: expected YYYY-MM-DD or DD.MM.YYYY',
);

/** Whether the importer's scope holds the place (the ministry everywhere, an analyst its own place and below). */
export const inScope = (scope: Scope, place: RowPlace): boolean => scopeHolds(scope, place);

/** A school by its code (ФИС ОКО login), or null with the bad row recorded. */
export function schoolOf(r: RowReader, env: SupportEnv, key: string): SupportSchool | null {
  const code = r.required(key);
  if (code === null) return null;
  return env.school(code) ?? r.reject(key, UNKNOWN_SCHOOL);
}

/** A school that must lie in the importer's scope. */
export function scopedSchool(r: RowReader, env: SupportEnv, key: string): SupportSchool | null {
  const school = schoolOf(r, env, key);
  if (!school) return null;
  const place = { regionId: school.regionId, municipalityId: school.municipalityId, schoolId: school.id };
  return inScope(env.scope, place) ? school : r.reject(key, OUTSIDE_SCOPE(school.code));
}

/**
 * The region of the row: its region column (code or name) when given and not empty, else the
 * importer's own region; undefined when there is neither (not a defect by itself), null when bad.
 */
export function regionOf(r: RowReader, env: SupportEnv, key: string): number | null | undefined {
  const text = r.text(key);
  if (text === '') return env.ownRegionId ?? undefined;
  return env.region(text) ?? r.reject(key, UNKNOWN_REGION);
}

/** The municipality of the row's municipality column (by id, or by name within the row's region). */
export function municipalityOf(
  r: RowReader,
  env: SupportEnv,
  key: string,
  regionKey: string,
): { id: number; regionId: number } | null {
  const text = r.required(key);
  const regionId = regionOf(r, env, regionKey);
  if (text === null || regionId === null) return null;
  if (regionId === undefined && !/^\d+$/.test(text)) return r.reject(key, NEEDS_REGION);
  return env.municipality(regionId ?? null, text) ?? r.reject(key, UNKNOWN_MUNICIPALITY);
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
const RUSSIAN = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/;

/** A calendar date as YYYY-MM-DD from «2026-09-01» or «01.09.2026» (years 2000–2100). */
export function parseDate(text: string): string | null {
  const iso = ISO.exec(text);
  const ru = iso ? null : RUSSIAN.exec(text);
  const [year, month, day] = iso
    ? [Number(iso[1]), Number(iso[2]), Number(iso[3])]
    : ru
      ? [Number(ru[3]), Number(ru[2]), Number(ru[1])]
      : [NaN, NaN, NaN];
  if (!Number.isInteger(year) || year < 2000 || year > 2100) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return date.toISOString().slice(0, 10);
}

export function dateOf(r: RowReader, key: string): string | null {
  const text = r.required(key);
  if (text === null) return null;
  return parseDate(text) ?? r.reject(key, BAD_DATE);
}

/** An optional date: null when empty, undefined when bad (recorded). */
export function optionalDateOf(r: RowReader, key: string): string | null | undefined {
  const text = r.text(key);
  if (text === '') return null;
  return parseDate(text) ?? r.reject(key, BAD_DATE) ?? undefined;
}

/** `to` before `from`: a bad row at the `to` column. */
export function checkPeriod(r: RowReader, from: string | null, to: string | null | undefined, toKey: string) {
  if (from && to && to < from) {
    r.reject(toKey, reason(`раньше даты начала ${from}`, `before the start date ${from}`));
  }
}

/**
 * One of an enum's values: the code itself, or a Russian word that starts it (compared like
 * headers: case, spacing and ё ignored). `words` maps each code to the stems it accepts.
 */
export function enumOf<T extends string>(
  r: RowReader,
  key: string,
  words: Readonly<Record<T, readonly string[]>>,
  what: Reason,
): T | null {
  const text = r.required(key);
  if (text === null) return null;
  const normal = normalizeHeader(text);
  for (const [code, stems] of Object.entries(words) as [T, readonly string[]][]) {
    if (normal === code.toLowerCase() || stems.some((stem) => normal.startsWith(stem))) return code;
  }
  const allowed = Object.keys(words).join(', ');
  return r.reject(key, reason(`${what.ru}: одно из ${allowed}`, `${what.en}: one of ${allowed}`));
}

const BAD_LINK = reason('не ссылка http или https', 'not an http or https link');

/** An optional http(s) link with a host (the tables' rule): null when empty, undefined when bad (recorded). */
export function linkOf(r: RowReader, key: string): string | null | undefined {
  const text = r.text(key);
  if (text === '') return null;
  return EVIDENCE_URL_PATTERN.test(text) ? text : (r.reject(key, BAD_LINK) ?? undefined);
}

/** A date no later than today where the place is: what was done, not what is planned. */
export function pastDateOf(
  r: RowReader,
  env: SupportEnv,
  key: string,
  regionId: number | null,
): string | null {
  const date = dateOf(r, key);
  if (date === null || regionId === null) return date;
  const today = env.today(regionId);
  return date > today
    ? r.reject(key, reason(`позже сегодняшнего дня (${today})`, `after today (${today}) where the place is`))
    : date;
}

export const field = (key: string, names: readonly string[], required = true): FieldSpec => ({
  key,
  names,
  required,
});

/** The file's headers of several fields, as a duplicate report names the key's columns. */
export const labels = (headers: HeaderMap, keys: readonly string[]) =>
  keys.map((key) => headers.label.get(key) ?? key).join(', ');
