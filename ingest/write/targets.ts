import { type ImportKind } from '../formats/types.js';

/**
 * Where each kind lands: the table, its natural key and the columns a row replaces. The staging
 * table holds exactly keys + values (plus the file line), so one set of SQL serves every kind.
 */
export interface Target {
  table: string;
  keys: readonly string[];
  values: readonly string[];
  /** The key as an analyst reads it (school code, not id), for duplicate reports; `s` is the staging row. */
  keyText: string;
}

const SCHOOL_CODE_OF = `(select code from school where id = s.school_id)`;

export const TARGETS: Readonly<Record<ImportKind, Target>> = {
  schools: {
    table: 'school',
    keys: ['code'],
    values: ['region_name', 'municipality_name', 'name', 'type', 'locality', 'students'],
    keyText: `s.code`,
  },
  vpr: {
    table: 'vpr_result',
    keys: ['school_id', 'year', 'grade', 'subject'],
    values: ['participants', 'n2', 'n3', 'n4', 'n5', 'lowered', 'confirmed', 'raised', 'scores', 'max_score'],
    keyText: `concat_ws(' ', ${SCHOOL_CODE_OF}, s.year, s.grade, s.subject)`,
  },
  oge: {
    table: 'oge_result',
    keys: ['school_id', 'year', 'subject'],
    values: ['participants', 'n2', 'n3', 'n4', 'n5', 'mean_primary'],
    keyText: `concat_ws(' ', ${SCHOOL_CODE_OF}, s.year, s.subject)`,
  },
  ege: {
    table: 'ege_result',
    keys: ['school_id', 'year', 'subject'],
    values: ['participants', 'below_min', 'mean_score'],
    keyText: `concat_ws(' ', ${SCHOOL_CODE_OF}, s.year, s.subject)`,
  },
  indicators: {
    table: 'indicator_value',
    keys: ['school_id', 'year', 'code'],
    values: ['value'],
    keyText: `concat_ws(' ', ${SCHOOL_CODE_OF}, s.year, s.code)`,
  },
};

/** The staging table of an import: dropped with its transaction, so a killed import leaves nothing. */
export const STAGING = 'import_staging';

export function createStagingSql(kind: ImportKind): string {
  if (kind === 'schools') {
    return `create temp table ${STAGING} (line int not null, region_name text, municipality_name text, code text,
      name text, type school_type, locality locality, students int) on commit drop`;
  }
  const target = TARGETS[kind];
  // The target's own column types, without its constraints: COPY parses enums and arrays as the table would.
  return `create temp table ${STAGING} on commit drop as
    select 0::int as line, ${[...target.keys, ...target.values].join(', ')} from ${target.table} with no data`;
}
