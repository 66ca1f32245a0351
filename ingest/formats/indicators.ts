import { indicatorValueKind, STORED_INDICATOR_CODES } from '../../schema/indicator-codes.js';
import { field, type Format, SCHOOL_CODE, schoolId, YEAR } from './format.js';
import { reason } from './values.js';

/** Context and survey indicators, long format: one row per school × year × indicator code. */

const COMPUTED = reason(
  'SR_VPR_LOW вычисляется по результатам ВПР и не загружается',
  'SR_VPR_LOW is computed from the ВПР (VPR) results, never imported',
);
const UNKNOWN_CODE = reason(
  'неизвестный код показателя (METHODOLOGY-V1 §4 или CTX_…)',
  'unknown indicator code (METHODOLOGY-V1 §4 or CTX_…)',
);
const SHARE_RANGE = reason('доля должна быть от 0 до 1', 'a share must be within 0…1');
const FLAG_VALUES = reason('признак должен быть 0 или 1', 'a flag must be 0 or 1');
const NUMBER_RANGE = reason('значение должно быть ≥ 0', 'the value must be ≥ 0');

const STORED = new Set(STORED_INDICATOR_CODES);

export const INDICATORS_FORMAT: Format = {
  kind: 'indicators',
  fields: [
    YEAR,
    SCHOOL_CODE,
    field('indicator', ['Показатель', 'indicator']),
    field('value', ['Значение', 'value']),
  ],
  stagingColumns: ['school_id', 'year', 'code', 'value'],
  prepare(_headers, env) {
    return (r) => {
      const year = r.year();
      const school = schoolId(r, env);
      const code = r.text('indicator').toUpperCase();
      if (code === 'SR_VPR_LOW') r.reject('indicator', COMPUTED);
      else if (!STORED.has(code)) r.reject('indicator', UNKNOWN_CODE);
      let value = r.decimal('value', -Infinity);
      if (value !== null && STORED.has(code)) {
        const kind = indicatorValueKind(code);
        if (kind === 'SHARE' && (value < 0 || value > 1)) value = r.reject('value', SHARE_RANGE);
        else if (kind === 'FLAG' && value !== 0 && value !== 1) value = r.reject('value', FLAG_VALUES);
        else if (kind === 'NUMBER' && value < 0) value = r.reject('value', NUMBER_RANGE);
      }
      if (r.failed) return null;
      return [school, year, code, value];
    };
  },
};
