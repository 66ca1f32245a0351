import { describe, expect, it } from 'vitest';
import { Subject } from '../../schema/enums.js';
import { mapHeaders } from './headers.js';
import { FORMATS } from './index.js';
import { RowReader } from './row-reader.js';
import { subjectFor } from './subjects.js';
import { type BadRow, type ValidationEnv } from './types.js';
import { countFromPercent, parseDecimal, parseInteger } from './values.js';

const ENV: ValidationEnv = {
  school: (code) => (code === 'sch1' ? { id: 7, regionId: 1 } : undefined),
  region: () => 1,
  regionIds: null,
};

function validate(kind: keyof typeof FORMATS, header: string[], row: string[]) {
  const bad: BadRow[] = [];
  const { map } = mapHeaders(header, FORMATS[kind].fields, 1);
  const validator = FORMATS[kind].prepare(map, ENV, 1);
  if (Array.isArray(validator)) throw new Error('header refused');
  const reader = new RowReader(map, bad);
  reader.start(row, 2);
  return { row: validator(reader), bad };
}

describe('values', () => {
  it('reads decimal commas, spaces as thousands separators, whole numbers written as decimals', () => {
    expect(parseDecimal('0,25')).toBe(0.25);
    expect(parseDecimal('1 234,5')).toBe(1234.5);
    expect(parseInteger('12,0')).toBe(12);
    expect(typeof parseInteger('12,5')).toBe('object');
    expect(typeof parseInteger('abc')).toBe('object');
  });

  it('converts percentages with halves rounded up', () => {
    expect(countFromPercent(50, 3)).toBe(2); // 1.5 → 2
    expect(countFromPercent(33.3, 3)).toBe(1);
    expect(countFromPercent(12.5, 20)).toBe(3); // 2.5 → 3
  });
});

describe('subjects by kind', () => {
  it.each([
    ['Математика', 'vpr', 5, Subject.MA],
    ['математика (углубленный уровень)', 'vpr', 7, Subject.MAA],
    ['Иностранный язык (английский)', 'oge', null, Subject.EN],
    ['Математика профильная', 'ege', null, Subject.MAP],
    ['mab', 'ege', null, Subject.MAB],
  ] as const)('%s in %s is %s', (text, kind, grade, subject) => {
    expect(subjectFor(text, kind, grade)).toBe(subject);
  });

  it.each([
    ['Математика', 'ege', null],
    ['MAA', 'vpr', 6],
    ['MAA', 'oge', null],
    ['MAP', 'vpr', 11],
    ['Астрономия', 'vpr', 11],
  ] as const)('%s in %s (grade %s) is refused', (text, kind, grade) => {
    expect(typeof subjectFor(text, kind, grade)).toBe('object');
  });
});

describe('a ВПР row', () => {
  const header = ['year', 'code', 'grade', 'subject', 'participants', '%2', '%3', '%4', '%5'];

  it('in percentages becomes the counts, in the staging column order', () => {
    const { row, bad } = validate('vpr', header, [
      '2027',
      'sch1',
      '7',
      'MAA',
      '8',
      '12,5',
      '37,5',
      '37,5',
      '12,5',
    ]);
    expect(bad).toEqual([]);
    expect(row).toEqual([7, 2027, 7, 'MAA', 8, 1, 3, 3, 1, null, null, null, null, null]);
  });

  it('reports every defect of the row, each at its column', () => {
    const { row, bad } = validate('vpr', header, ['20x7', 'sch2', '9', 'MAA', '0', '120', '0', '0', '0']);
    expect(row).toBeNull();
    expect(bad.map((b) => b.column)).toEqual(['year', 'code', 'grade', 'participants', '%2']);
  });
});
