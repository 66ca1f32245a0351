import { type RowReader } from '../row-reader.js';
import { reason } from '../values.js';
import {
  checkPeriod,
  dateOf,
  field,
  labels,
  optionalDateOf,
  schoolOf,
  scopedSchool,
  type SupportEnv,
  type SupportFormat,
  type SupportRow,
} from './common.js';

/**
 * `partnerships` (SUPPORT-V1 §1 Partnership): a listed school and its partner school, from, to.
 * The place is the listed school's municipality: the listed school must lie in the importer's
 * scope; the partner is any other school of the same region. Key within the file: listed, partner, from.
 */
export interface PartnershipRow extends SupportRow {
  listedSchoolId: number;
  partnerSchoolId: number;
  validFrom: string;
  validTo: string | null;
}

const FIELDS = [
  field('listed', ['Школа', 'listedSchool', 'Код ОО', 'Школа ШНОР', 'Школа с низкими результатами']),
  field('partner', ['Школа-партнёр', 'partnerSchool', 'Код ОО партнёра', 'Партнёр']),
  field('from', ['Дата начала', 'from', 'С', 'validFrom']),
  field('to', ['Дата окончания', 'to', 'По', 'validTo'], false),
];

const SAME_SCHOOL = reason('школа не может быть партнёром самой себе', 'a school cannot be its own partner');
const OTHER_REGION = reason(
  'школа-партнёр из другого региона: партнёр выбирается в регионе школы',
  'the partner school is of another region: a partner is of the listed school’s region',
);

function validate(r: RowReader, env: SupportEnv): PartnershipRow | null {
  const listed = scopedSchool(r, env, 'listed');
  const partner = schoolOf(r, env, 'partner');
  if (listed && partner) {
    if (listed.id === partner.id) r.reject('partner', SAME_SCHOOL);
    else if (listed.regionId !== partner.regionId) r.reject('partner', OTHER_REGION);
  }
  const validFrom = dateOf(r, 'from');
  const validTo = optionalDateOf(r, 'to');
  checkPeriod(r, validFrom, validTo, 'to');
  if (r.failed || !listed || !partner || !validFrom || validTo === undefined) return null;
  return {
    line: r.line,
    key: [listed.id, partner.id, validFrom].join('|'),
    keyText: [listed.code, partner.code, validFrom].join(' '),
    listedSchoolId: listed.id,
    partnerSchoolId: partner.id,
    validFrom,
    validTo,
  };
}

export const PARTNERSHIPS_FORMAT: SupportFormat<PartnershipRow> = {
  kind: 'partnerships',
  fields: FIELDS,
  keyColumns: (headers) => labels(headers, ['listed', 'partner', 'from']),
  prepare: (_headers, env) => (r) => validate(r, env),
};
