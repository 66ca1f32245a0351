import { describe, expect, it } from 'vitest';
import { mapHeaders } from '../headers.js';
import { RowReader } from '../row-reader.js';
import { type BadRow } from '../types.js';
import { ASSIGNMENTS_FORMAT } from './assignments.js';
import { inScope, parseDate, type SupportEnv, type SupportRow } from './common.js';
import { DIAGNOSTICS_FORMAT } from './diagnostics.js';

const ENV: SupportEnv = {
  school: (code) => (code === 'sch1' ? { id: 1, code, municipalityId: 10, regionId: 2 } : undefined),
  region: (text) => (text === '56' ? 2 : undefined),
  municipality: (regionId, text) =>
    text === '10' || (regionId === 2 && text === 'Пономаревский район') ? { id: 10, regionId: 2 } : undefined,
  scope: { kind: 'MUNICIPALITIES', municipalityIds: [10] },
  ownRegionId: 2,
  today: () => '2026-12-01',
  activities: () => undefined,
};

function validateAll(format: typeof DIAGNOSTICS_FORMAT | typeof ASSIGNMENTS_FORMAT, lines: string[][]) {
  const [header, ...rows] = lines as [string[], ...string[][]];
  const bad: BadRow[] = [];
  const { map } = mapHeaders(header, format.fields, 1);
  const validate = format.prepare(map, ENV, 1);
  if (Array.isArray(validate)) throw new Error('header refused');
  const reader = new RowReader(map, bad);
  const valid: SupportRow[] = [];
  rows.forEach((fields, i) => {
    reader.start(fields, i + 2);
    const row = validate(reader);
    if (row) valid.push(row);
  });
  return { valid, bad: bad.map((b) => [b.line, b.column]) };
}

describe('support formats', () => {
  it('reads dates as ISO or DD.MM.YYYY, refusing impossible ones', () => {
    expect(parseDate('2026-09-01')).toBe('2026-09-01');
    expect(parseDate('1.9.2026')).toBe('2026-09-01');
    expect(parseDate('31.02.2026')).toBeNull();
    expect(parseDate('2026-13-01')).toBeNull();
    expect(parseDate('сентябрь')).toBeNull();
  });

  it('checks the place against the scope', () => {
    const place = { regionId: 2, municipalityId: 10, schoolId: 1 };
    expect(inScope({ kind: 'ALL' }, place)).toBe(true);
    expect(inScope({ kind: 'REGIONS', regionIds: [2] }, place)).toBe(true);
    expect(inScope({ kind: 'MUNICIPALITIES', municipalityIds: [11] }, place)).toBe(false);
    expect(inScope({ kind: 'PUBLIC' }, place)).toBe(false);
  });

  it('diagnostics: Russian stage and subject words, grade, N and the marks sum', () => {
    const { valid, bad } = validateAll(DIAGNOSTICS_FORMAT, [
      ['Код ОО', 'Класс', 'Предмет', 'Этап', 'Дата', 'Кол-во участников', '2', '3', '4', '5'],
      ['sch1', '5', 'Русский язык', 'Входной мониторинг', '15.09.2026', '4', '1', '1', '1', '1'],
      ['sch1', '0', 'RU', 'итоговый', '15.09.2026', '4', '1', '1', '1', '2'],
    ]);
    expect(valid).toMatchObject([{ subject: 'RU', stage: 'ENTRANCE', date: '2026-09-15' }]);
    expect(bad).toEqual([
      [3, 'Класс'],
      [3, '2, 3, 4, 5'],
    ]);
  });

  it('assignments: municipality by name in the importer’s own region; a curator needs a school', () => {
    const { valid, bad } = validateAll(ASSIGNMENTS_FORMAT, [
      ['Вид', 'ФИО', 'Ключ', 'Муниципалитет', 'Код ОО', 'Дата начала'],
      ['координатор', 'Петров', 'p', 'Пономаревский район', '', '2026-09-01'],
      ['куратор', 'Иванова', 'i', '', '', '2026-09-01'],
    ]);
    expect(valid).toMatchObject([{ kind: 'COORDINATOR', municipalityId: 10, regionId: 2, schoolId: null }]);
    expect(bad).toEqual([[3, 'Код ОО']]);
  });
});
