import { type RowReader } from '../row-reader.js';
import { reason } from '../values.js';
import {
  dateOf,
  field,
  inScope,
  labels,
  municipalityOf,
  optionalDateOf,
  OUTSIDE_SCOPE,
  regionOf,
  type SupportEnv,
  type SupportFormat,
  type SupportRow,
} from './common.js';

/**
 * `orders` (SUPPORT-V1 §1 Order, приказ): number as written, date, issuer, title, the issuer's
 * place — a municipality (by id, or by name within the region), else the region (its code or name,
 * or the importer's own) — and the basis order as written (number, date, issuer). The place must
 * lie in the importer's scope: a municipal analyst imports its municipality's orders, not the
 * region's. Key within the file and in the table: place, number, date; the other fields are values.
 */
export interface OrderRow extends SupportRow {
  regionId: number;
  municipalityId: number | null;
  number: string;
  date: string;
  issuer: string;
  title: string;
  basisNumber: string | null;
  basisDate: string | null;
  basisIssuer: string | null;
}

const FIELDS = [
  field('number', ['Номер', 'number', 'Номер приказа', '№ приказа']),
  field('date', ['Дата', 'date', 'Дата приказа']),
  field('issuer', ['Издатель', 'issuer', 'Кем издан', 'Орган']),
  field('region', ['Регион', 'region', 'Код региона'], false),
  field('municipality', ['Муниципалитет', 'municipality', 'Муниципальное образование'], false),
  field('title', ['Наименование', 'title', 'Название', 'Заголовок']),
  field('basisNumber', ['Номер основания', 'basisNumber', 'Основание'], false),
  field('basisDate', ['Дата основания', 'basisDate'], false),
  field('basisIssuer', ['Издатель основания', 'basisIssuer'], false),
];

const NO_REGION = reason(
  'приказ региона: укажите «Регион» (или «Муниципалитет» для приказа муниципалитета)',
  'an order of a region: give its «Регион» (or «Муниципалитет» for a municipality’s order)',
);
const BASIS_NUMBER = reason(
  'дата или издатель основания без его номера',
  'the basis order’s date or issuer without its number',
);

function placeOf(r: RowReader, env: SupportEnv) {
  if (r.text('municipality') !== '') {
    const municipality = municipalityOf(r, env, 'municipality', 'region');
    return (
      municipality && {
        regionId: municipality.regionId,
        municipalityId: municipality.id,
        column: 'municipality',
      }
    );
  }
  const regionId = regionOf(r, env, 'region');
  if (regionId === undefined) return r.reject('region', NO_REGION, '');
  return regionId === null ? null : { regionId, municipalityId: null, column: 'region' };
}

function validate(r: RowReader, env: SupportEnv): OrderRow | null {
  const number = r.required('number');
  const date = dateOf(r, 'date');
  const issuer = r.required('issuer');
  const title = r.required('title');
  const place = placeOf(r, env);
  if (place && !inScope(env.scope, { ...place, schoolId: null })) {
    r.reject(place.column, OUTSIDE_SCOPE(r.text(place.column) || r.label(place.column)));
  }
  const basisNumber = r.text('basisNumber') || null;
  const basisDate = optionalDateOf(r, 'basisDate');
  const basisIssuer = r.text('basisIssuer') || null;
  if (basisNumber === null && (basisDate || basisIssuer)) r.reject('basisNumber', BASIS_NUMBER, '');
  if (r.failed || !number || !date || !issuer || !title || !place || basisDate === undefined) return null;
  return {
    line: r.line,
    key: [place.regionId, place.municipalityId, number, date].join('|'),
    keyText: [r.text('municipality') || r.text('region'), number, date].join(' '),
    regionId: place.regionId,
    municipalityId: place.municipalityId,
    number,
    date,
    issuer,
    title,
    basisNumber,
    basisDate,
    basisIssuer,
  };
}

export const ORDERS_FORMAT: SupportFormat<OrderRow> = {
  kind: 'orders',
  fields: FIELDS,
  keyColumns: (headers) => labels(headers, ['municipality', 'number', 'date']),
  prepare: (_headers, env) => (r) => validate(r, env),
};
