import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UnreadableFileError } from '../read/decode.js';
import { decodeRoadmapText, parseRoadmapTable, type RoadmapTable } from './parse-table.js';

/** SUPPORT-V1 §3 step 6. */
const SCHOOL_EXECUTORS = [
  'руководители оо',
  'руководитель оо',
  'оо',
  'общеобразовательные организации',
  'образовательные организации',
  'школы',
];
const PARAMS = { schoolExecutors: SCHOOL_EXECUTORS };

const SEED_001 = join(import.meta.dirname, '../../tests/fixtures/roadmap/001_895a1ffee6e9f536.txt');

function parsed(text: string, params = PARAMS): RoadmapTable {
  const result = parseRoadmapTable(text, params);
  if (!result.ok) throw new Error(result.error.message);
  return result;
}

const table = (...rows: string[][]) => rows.map((row) => row.join('\t')).join('\n');
const HEADER = [
  '№ п/п',
  'Наименование мероприятия',
  'Сроки исполнения',
  'Ответственные',
  'Ожидаемый результат',
];

describe('seed 001 (SUPPORT-V1 §3 «Seed 001»)', () => {
  const seed = parsed(decodeRoadmapText(readFileSync(SEED_001)));
  const byNumber = (number: string) => {
    const activity = seed.activities.find((a) => a.number === number);
    if (!activity) throw new Error(`no activity ${number}`);
    return activity;
  };

  it('finds the header at line 60, skips blank lines 67, 74, 81 and warns of nothing', () => {
    expect(seed.headerLine).toBe(60);
    expect(seed.skipped).toEqual([
      { line: 67, reason: 'BLANK' },
      { line: 74, reason: 'BLANK' },
      { line: 81, reason: 'BLANK' },
    ]);
    expect(seed.warnings).toEqual([]);
    expect(seed.endLine).toBeNull();
  });

  it('reads 23 activities numbered 1. … 22., 23, one line each except 6', () => {
    expect(seed.activities.map((a) => a.number)).toEqual([
      '1.', '2.', '3.', '4.', '5.', '6.', '7.', '8.', '9.', '10.', '11.', '12.',
      '13.', '14.', '15.', '16.', '17.', '18.', '19.', '20.', '21.', '22.', '23',
    ]); // prettier-ignore
    expect(seed.activities.map((a) => a.ordinal)).toEqual(Array.from({ length: 23 }, (_, i) => i + 1));
    expect(seed.activities.map((a) => a.lines)).toEqual([
      [61], [62], [63], [64], [65], [66, 68], [69], [70], [71], [72], [73], [75],
      [76], [77], [78], [79], [80], [82], [83], [84], [85], [86], [87],
    ]); // prettier-ignore
  });

  it('splits the executors of each activity as the paragraph lists them', () => {
    const O = 'Отдел образования';
    const C = 'МКУ «ЦМТО»';
    const R = 'руководители ОО';
    const R15 = 'Руководители ОО';
    const RG = 'рабочая группа';
    expect(Object.fromEntries(seed.activities.map((a) => [a.number, a.executors]))).toEqual({
      '1.': [O, C], '2.': [O, C], '3.': [O, C, R], '4.': [O, C], '5.': [O, C], '6.': [O, C],
      '7.': [O, C], '8.': [O, C], '9.': [O, C], '10.': [O], '11.': [O, R], '12.': [O, RG],
      '13.': [O, C, R], '14.': [O, C, R], '15.': [R15], '16.': [C, R], '17.': [R15],
      '18.': [O, C, R], '19.': [O, C, R], '20.': [O, C, R], '21.': [O, C, R], '22.': [O, C, R],
      '23': [O, C, R],
    }); // prettier-ignore
  });

  it('joins activity 6 over lines 66 and 68', () => {
    expect(byNumber('6.')).toEqual({
      ordinal: 6,
      number: '6.',
      title:
        'Утверждение списка сетевого партнерства образовательных организаций с низкими ' +
        'образовательными результатами и образовательных организаций-партнеров (образовательными ' +
        'организациями, имеющими условия для оказания консультационной, методической, ' +
        'организационной и др. поддержки, в том числе базовыми площадками)',
      deadlineText: 'сентябрь 2020 года',
      executorsText: 'Отдел образования МКУ «ЦМТО»',
      executors: ['Отдел образования', 'МКУ «ЦМТО»'],
      expectedResult: 'Приказ отдела образования',
      requiresSchoolReport: false,
      lines: [66, 68],
    });
  });

  it('keeps the other cells as written', () => {
    expect(byNumber('1.')).toEqual({
      ordinal: 1,
      number: '1.',
      title: 'Формирование списка школ с низкими образовательными результатами',
      deadlineText: 'сентябрь 2020 года',
      executorsText: 'Отдел образования, МКУ «ЦМТО»',
      executors: ['Отдел образования', 'МКУ «ЦМТО»'],
      expectedResult: 'Список школ с низкими образовательными результатами',
      requiresSchoolReport: false,
      lines: [61],
    });
    expect(byNumber('16.').executorsText).toBe('МКУ «ЦМТО», руководители ОО');
    expect(byNumber('23').title.startsWith('Информационное сопровождение мероприятий в СМИ')).toBe(true);
  });

  it('needs school reports for exactly the thirteen activities 3, 11, 13–23', () => {
    const needing = seed.activities.filter((a) => a.requiresSchoolReport).map((a) => a.number);
    expect(needing).toEqual([
      '3.', '11.', '13.', '14.', '15.', '16.', '17.', '18.', '19.', '20.', '21.', '22.', '23',
    ]); // prettier-ignore
  });

  it('carries every deadline text of the §2 Seed 001 table, raw', () => {
    const expected: Record<string, string[]> = {
      'сентябрь 2020 года': ['1.', '2.', '4.', '5.', '6.', '11.'],
      'сентябрь- октябрь 2020 года': ['3.', '7.', '12.'],
      'сентябрь-октябрь 2020 года': ['10.'],
      'октябрь 2020 года': ['13.'],
      'октябрь-ноябрь 2020 года': ['14.'],
      'январь-февраль 2021 года': ['9.'],
      'январь-май 2021 года': ['16.'],
      'март 2021 года': ['15.'],
      'сентябрь- декабрь 2021 года': ['17.'],
      'в течение года': ['8.'],
      'по отдельному плану': ['18.'],
      'в течение всего периода': ['19.', '20.', '21.', '22.', '23'],
    };
    const actual: Record<string, string[]> = {};
    for (const a of seed.activities) (actual[a.deadlineText] ??= []).push(a.number);
    expect(actual).toEqual(expected);
  });
});

describe('header (§3 step 1)', () => {
  it('fails with NO_HEADER when no TAB line names the four required roles', () => {
    const missingExecutors = table(['№', 'Мероприятие', 'Срок'], ['1.', 'A', 'май']);
    const noTab = '№ п/п Наименование мероприятия Срок Ответственный';
    for (const text of [missingExecutors, noTab, '']) {
      const result = parseRoadmapTable(text, PARAMS);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.code).toBe('NO_HEADER');
    }
  });

  it('ignores earlier lines, matches case-insensitively with ё = е, and gives roles their cells in order', () => {
    // «Срок исполнения мероприятия» has «срок» and «мероприят»: the deadline picks first.
    // «Ответствённый за исполнение мероприятия» is taken by the executors before the title looks.
    const text = table(
      ['Приложение 1'],
      ['Таблица', 'без заголовка'],
      ['№', 'СРОК ИСПОЛНЕНИЯ МЕРОПРИЯТИЯ', 'Ответствённый за исполнение мероприятия', 'Содержание работы'],
      ['1', 'май 2021 г.', 'Отдел образования', 'Совещание'],
    );
    const result = parsed(text);
    expect(result.headerLine).toBe(3);
    expect(result.activities).toEqual([
      {
        ordinal: 1,
        number: '1',
        title: 'Совещание',
        deadlineText: 'май 2021 г.',
        executorsText: 'Отдел образования',
        executors: ['Отдел образования'],
        expectedResult: null,
        requiresSchoolReport: false,
        lines: [4],
      },
    ]);
  });
});

describe('skipped lines and the end of the table (§3 step 2)', () => {
  it('skips a repeated header and tab-only blank lines', () => {
    const text = table(HEADER, ['1.', 'A', 'май', 'Отдел'], ['\t\t'], [' '], HEADER, [
      '2.',
      'B',
      'июнь',
      'Отдел',
    ]);
    const result = parsed(text);
    expect(result.skipped).toEqual([
      { line: 3, reason: 'BLANK' },
      { line: 4, reason: 'BLANK' },
      { line: 5, reason: 'REPEATED_HEADER' },
    ]);
    expect(result.activities.map((a) => [a.number, a.title, a.lines])).toEqual([
      ['1.', 'A', [2]],
      ['2.', 'B', [6]],
    ]);
  });

  it('skips column-number rows 1 … k with k ≥ 3, but not «1 2»', () => {
    const text = table(
      HEADER,
      ['1', '2', '3', '4', '5'],
      ['1', '', '2', '3'],
      ['1.', 'A', 'май', 'Отдел', 'Итог'],
      ['1', '2'],
    );
    const result = parsed(text);
    expect(result.skipped).toEqual([
      { line: 2, reason: 'COLUMN_NUMBERS' },
      { line: 3, reason: 'COLUMN_NUMBERS' },
    ]);
    // «1 2» starts an activity numbered «1» titled «2» (and repeats the number «1.»).
    expect(result.activities.map((a) => [a.number, a.title, a.deadlineText, a.lines])).toEqual([
      ['1.', 'A', 'май', [4]],
      ['1', '2', '', [5]],
    ]);
  });

  it('skips TAB-less page numbers', () => {
    const text = table(
      HEADER,
      ['1.', 'A', 'май', 'Отдел'],
      ['– 3 –'],
      ['—4—'],
      ['12'],
      ['2.', 'B', 'июнь', 'Отдел'],
    );
    const result = parsed(text);
    expect(result.skipped).toEqual([
      { line: 3, reason: 'PAGE_NUMBER' },
      { line: 4, reason: 'PAGE_NUMBER' },
      { line: 5, reason: 'PAGE_NUMBER' },
    ]);
    expect(result.activities.map((a) => a.number)).toEqual(['1.', '2.']);
    expect(result.endLine).toBeNull();
  });

  it('ends the table at any other TAB-less line', () => {
    const text = table(
      HEADER,
      ['1.', 'A', 'май', 'Отдел'],
      [''],
      ['Приложение № 2 к приказу'],
      ['2.', 'B', 'июнь', 'Отдел'],
    );
    const result = parsed(text);
    expect(result.endLine).toBe(4);
    expect(result.skipped).toEqual([{ line: 3, reason: 'BLANK' }]);
    expect(result.activities.map((a) => a.number)).toEqual(['1.']);
  });
});

describe('cells and continuations (§3 steps 3–4)', () => {
  it('joins surplus cells to the last column and leaves missing cells empty', () => {
    const text = table(
      HEADER,
      ['1.', 'A', 'май', 'Отдел', 'Итог', 'и ещё', '', 'кое-что'],
      ['2.', 'B', 'июнь'],
    );
    const [first, second] = parsed(text).activities;
    expect(first?.expectedResult).toBe('Итог и ещё кое-что');
    expect(second).toMatchObject({ title: 'B', deadlineText: 'июнь', executorsText: '', executors: [] });
    expect(second?.expectedResult).toBe('');
  });

  it('joins surplus cells to the executors when they are the last column: one physical fragment', () => {
    const text = table(
      ['№', 'Мероприятие', 'Срок', 'Исполнитель'],
      ['1.', 'A', 'май', 'Отдел образования', 'МКУ'],
    );
    const [activity] = parsed(text).activities;
    expect(activity?.executorsText).toBe('Отдел образования МКУ');
    expect(activity?.executors).toEqual(['Отдел образования МКУ']);
  });

  it('continues the last activity cell by cell, number-column text continuing the title', () => {
    const text = table(
      HEADER,
      ['2.1', 'Совещание', 'сентябрь', 'Отдел образования;', 'Протокол'],
      ['', 'с директорами', '2020 года', 'МКУ «ЦМТО», отдел образования', ''],
      ['а)', 'по итогам ВПР', '', 'руководители ОО'],
    );
    const [activity, ...rest] = parsed(text).activities;
    expect(rest).toEqual([]);
    expect(activity).toEqual({
      ordinal: 1,
      number: '2.1',
      title: 'Совещание с директорами а) по итогам ВПР',
      deadlineText: 'сентябрь 2020 года',
      executorsText: 'Отдел образования; МКУ «ЦМТО», отдел образования руководители ОО',
      executors: ['Отдел образования', 'МКУ «ЦМТО»', 'руководители ОО'],
      expectedResult: 'Протокол',
      requiresSchoolReport: true,
      lines: [2, 3, 4],
    });
  });

  it('ignores a continuation before any activity (ORPHAN_CONTINUATION)', () => {
    const text = table(
      HEADER,
      ['', 'продолжение', 'май'],
      ['№ 1', 'Не номер', 'май'],
      ['1.', 'A', 'июнь', 'Отдел'],
    );
    const result = parsed(text);
    expect(result.skipped).toEqual([
      { line: 2, reason: 'ORPHAN_CONTINUATION' },
      { line: 3, reason: 'ORPHAN_CONTINUATION' },
    ]);
    expect(result.activities.map((a) => [a.number, a.title, a.deadlineText])).toEqual([['1.', 'A', 'июнь']]);
  });

  it('warns of a repeated number (DUPLICATE_NUMBER), «5.» and «5» alike, keeping both activities', () => {
    const text = table(
      HEADER,
      ['5.', 'A', 'май', 'Отдел'],
      ['6.', 'B', 'май', 'Отдел'],
      ['5', 'C', 'май', 'Отдел'],
    );
    const result = parsed(text);
    expect(result.activities.map((a) => a.title)).toEqual(['A', 'B', 'C']);
    expect(result.warnings).toEqual([
      {
        code: 'DUPLICATE_NUMBER',
        line: 4,
        number: '5',
        message: 'activity number «5» at line 4 repeats the number of activity «5.» at line 2',
      },
    ]);
  });

  it('accepts CRLF and CR line ends with the same line numbers', () => {
    const rows = [HEADER, ['1.', 'A', 'сентябрь', 'Отдел'], [''], ['', 'B', '2020 года', 'МКУ']];
    const lf = parsed(table(...rows));
    const crlf = parsed(table(...rows).replaceAll('\n', '\r\n') + '\r\n');
    const cr = parsed(table(...rows).replaceAll('\n', '\r'));
    expect(lf.activities).toEqual([
      {
        ordinal: 1,
        number: '1.',
        title: 'A B',
        deadlineText: 'сентябрь 2020 года',
        executorsText: 'Отдел МКУ',
        executors: ['Отдел', 'МКУ'],
        expectedResult: '',
        requiresSchoolReport: false,
        lines: [2, 4],
      },
    ]);
    expect(lf.skipped).toEqual([{ line: 3, reason: 'BLANK' }]);
    expect(crlf).toEqual(lf);
    expect(cr).toEqual(lf);
  });

  it('trims cells and collapses whitespace runs, NBSP included', () => {
    const text = table(HEADER, [
      ' 1. ',
      '\u00a0Совещание \u00a0 с\u00a0директорами ',
      'сентябрь\u00a0 2020\u00a0года',
      'Отдел\u00a0образования ,\u00a0 школы  района',
    ]);
    const [activity] = parsed(text).activities;
    expect(activity).toMatchObject({
      number: '1.',
      title: 'Совещание с директорами',
      deadlineText: 'сентябрь 2020 года',
      executorsText: 'Отдел образования , школы района',
      executors: ['Отдел образования', 'школы района'],
      requiresSchoolReport: true,
    });
  });
});

describe('school reports (§3 step 6)', () => {
  const needs = (executor: string, schoolExecutors = SCHOOL_EXECUTORS) =>
    parsed(table(HEADER, ['1.', 'A', 'май', executor]), { schoolExecutors }).activities[0]
      ?.requiresSchoolReport;

  it('needs them when an executor equals or begins with a school executor and a space', () => {
    expect(needs('Руководители ОО')).toBe(true);
    expect(needs('РУКОВОДИТЕЛЬ ОО школы № 1')).toBe(true);
    expect(needs('ОО')).toBe(true);
    expect(needs('Отдел образования, Общеобразовательные организации района')).toBe(true);
    expect(needs('ООО «Ромашка»')).toBe(false);
    expect(needs('Школьный методист')).toBe(false);
    expect(needs('Отдел образования')).toBe(false);
  });

  it('compares with ё = е', () => {
    expect(needs('Учителя-предметники', ['учителя-предметники'])).toBe(true);
    expect(needs('Учёный совет', ['ученый совет'])).toBe(true);
    expect(needs('Ученый совет', ['учёный совет'])).toBe(true);
  });
});

describe('decodeRoadmapText', () => {
  /** Windows-1251 by hand: А–я at 0xC0–0xFF, Ё 0xA8, ё 0xB8, № 0xB9, « 0xAB, » 0xBB, ASCII as is. */
  const cp1251 = (text: string) =>
    Buffer.from(
      [...text].map((char) => {
        const code = char.codePointAt(0) as number;
        if (code < 0x80) return code;
        if (code >= 0x410 && code <= 0x44f) return code - 0x410 + 0xc0;
        const other = { Ё: 0xa8, ё: 0xb8, '№': 0xb9, '«': 0xab, '»': 0xbb }[char];
        if (other === undefined) throw new Error(`not in the test encoder: ${char}`);
        return other;
      }),
    );

  it('decodes a Windows-1251 table', () => {
    const text = table(HEADER, ['1.', 'Учёба', 'сентябрь 2020 года', 'МКУ «ЦМТО», руководители ОО', 'Итог']);
    const bytes = cp1251(text);
    expect(bytes.subarray(0, 3)).toEqual(Buffer.from([0xb9, 0x20, 0xef])); // «№ п»
    const decoded = decodeRoadmapText(bytes);
    expect(decoded).toBe(text);
    expect(parsed(decoded).activities[0]).toMatchObject({
      title: 'Учёба',
      executors: ['МКУ «ЦМТО»', 'руководители ОО'],
      requiresSchoolReport: true,
    });
  });

  it('decodes UTF-8 with or without a BOM and refuses UTF-16', () => {
    expect(decodeRoadmapText(Buffer.from('\uFEFF№\tСрок'))).toBe('№\tСрок');
    expect(decodeRoadmapText(Buffer.from('№\tСрок'))).toBe('№\tСрок');
    expect(() => decodeRoadmapText(Buffer.from('№\tСрок', 'utf16le'))).toThrow(UnreadableFileError);
  });
});
