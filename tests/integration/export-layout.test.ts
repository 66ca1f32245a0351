import type ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { dataOf, graphql } from '../support/graphql-client.js';
import { serverAndDatabase } from '../support/server.js';
import { columnCells, dispositionNames, firstSheet, headerOf } from '../support/xlsx.js';

/**
 * Issue 10: each XLSX export reads and prints as a document — Russian headers, percent formats,
 * codes as text, widths, frozen header with an autofilter, A4 landscape fitted to the width with
 * the header repeated and numbered pages. Figures are compared with the API's own answer.
 */
const { server } = serverAndDatabase();
let listId = '';

interface Case {
  path: () => string;
  ascii: () => string;
  russian: () => string;
  labels: string[];
  percent: string[];
  codes: string[];
  /** The sentence column: wide and wrapped. */
  wide?: string;
}

const CASES: Record<string, Case> = {
  candidates: {
    path: () => '/export/candidates.xlsx?year=2026&regionCodes=56',
    ascii: () => 'candidates-2026-56.xlsx',
    russian: () => 'Кандидаты в список ШНОР 2026 56.xlsx',
    labels: ['Код региона', 'Муниципалитет', 'Логин', 'ОО', 'Статус', 'Статус (код)', 'Обоснование'],
    percent: ['Индекс низких результатов', 'Индекс низких результатов, пред. год', 'Доля «2» ВПР'],
    codes: ['Код региона', 'Логин', 'Статус (код)'],
    wide: 'Обоснование',
  },
  'risk-profiles': {
    path: () => '/export/risk-profiles.xlsx?year=2026&regionCodes=56',
    ascii: () => 'risk-profiles-2026-56.xlsx',
    russian: () => 'Профили рисков 2026 56.xlsx',
    labels: ['Логин', 'Приоритетные риски', 'R1. Низкий уровень оснащения школы', 'R10, балл'],
    percent: [],
    codes: ['Код региона', 'Логин'],
  },
  'vpr-statistics': {
    path: () => '/export/vpr-statistics.xlsx?groupBy=MUNICIPALITY,SUBJECT&years=2026&regionCodes=56',
    ascii: () => 'vpr-statistics-2026-56.xlsx',
    russian: () => 'Статистика по отметкам ВПР 2026 56.xlsx',
    labels: ['Муниципалитет', 'Предмет', 'Предмет (код)', 'Кол-во участников', 'Средняя отметка'],
    percent: ['Доля «2»', 'Доля «5»', 'Качество знаний', 'Успеваемость'],
    codes: ['Предмет (код)'],
  },
  'shnor-list': {
    path: () => `/export/shnor-list.xlsx?listId=${listId}`,
    ascii: () => `shnor-list-2026-56-list-${listId}.xlsx`,
    russian: () => `Список ШНОР 2026 56 список ${listId}.xlsx`,
    labels: ['Логин', 'ОО', 'Включена в список', 'Статус по расчёту', 'Решение', 'Дата решения'],
    percent: ['Индекс низких результатов', 'Порог ранга', 'Доля «2» ВПР'],
    codes: ['Код региона', 'Логин', 'Статус по расчёту (код)'],
    wide: 'Обоснование по расчёту',
  },
  'shnor-list appendix': {
    path: () => `/export/shnor-list.xlsx?listId=${listId}&variant=appendix`,
    ascii: () => `shnor-list-2026-56-list-${listId}-appendix.xlsx`,
    russian: () => `Приложение. Список ШНОР 2026 56 список ${listId}.xlsx`,
    labels: ['№ п/п', 'Муниципалитет', 'Образовательная организация', 'Логин', 'Основание включения'],
    percent: [],
    codes: ['Логин'],
    wide: 'Основание включения',
  },
};

beforeAll(async () => {
  const created = await graphql<{ createShnorList: { id: string } }, never>(
    server.url,
    'mutation { createShnorList(year: 2026, regionCode: "56") { id } }',
  );
  listId = dataOf(created).createShnorList.id;
});

async function download(path: string) {
  const response = await fetch(`${server.url}${path}`);
  expect(response.status, path).toBe(200);
  return { response, sheet: await firstSheet(Buffer.from(await response.arrayBuffer())) };
}

const numbers = (cells: ExcelJS.Cell[]) => cells.filter((c) => typeof c.value === 'number');

describe('XLSX exports are documents', () => {
  it.each(Object.keys(CASES))('%s: header, formats, widths, view and print setup', async (name) => {
    const spec = CASES[name]!;
    const { response, sheet } = await download(spec.path());
    expect(dispositionNames(response.headers.get('content-disposition'))).toEqual({
      ascii: spec.ascii(),
      russian: spec.russian(),
    });

    const header = headerOf(sheet);
    for (const label of spec.labels) expect(header, label).toContain(label);
    // no API field names or formula-ish headers like «lowIndex (y − 1)»
    for (const label of header) expect(label).not.toMatch(/[a-z][A-Z]|y − 1|^[a-z_]+$/);
    const first = sheet.getRow(1).getCell(1);
    expect(first.font?.bold).toBe(true);
    expect(first.alignment?.wrapText).toBe(true);

    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const last = sheet.getColumn(header.length).letter;
    expect(sheet.autoFilter).toBe(`A1:${last}1`);
    expect(sheet.pageSetup).toMatchObject({
      orientation: 'landscape',
      paperSize: 9,
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: '1:1',
    });
    expect(sheet.headerFooter.oddFooter).toContain('Стр. &P из &N');
    expect(sheet.headerFooter.oddHeader).toMatch(/^&L&B\S/);

    header.forEach((_, i) => expect(sheet.getColumn(i + 1).width, header[i]).toBeGreaterThanOrEqual(6));
    if (spec.wide) expect(sheet.getColumn(header.indexOf(spec.wide) + 1).width).toBeGreaterThanOrEqual(40);
    for (const label of spec.percent) {
      const cells = numbers(columnCells(sheet, label));
      expect(cells.length, label).toBeGreaterThan(0);
      for (const cell of cells) {
        expect(cell.numFmt).toBe('0.0%');
        expect(cell.value as number).toBeGreaterThanOrEqual(0);
        expect(cell.value as number).toBeLessThanOrEqual(1);
      }
    }
    for (const label of spec.codes) {
      const cells = columnCells(sheet, label).filter((c) => c.value !== null);
      expect(cells.length, label).toBeGreaterThan(0);
      for (const cell of cells) {
        expect(cell.numFmt, label).toBe('@');
        expect(typeof cell.value).toBe('string');
      }
    }
  });

  it('a percent cell holds the API’s fraction itself, a code its text', async () => {
    const api = dataOf(
      await graphql<
        { shnorCandidates: { nodes: { lowIndex: number | null; school: { code: string } }[] } },
        never
      >(
        server.url,
        '{ shnorCandidates(year: 2026, filter: { regionCodes: ["56"] }, first: 500) { nodes { lowIndex school { code } } } }',
      ),
    ).shnorCandidates.nodes;
    const { sheet } = await download('/export/candidates.xlsx?year=2026&regionCodes=56');
    const logins = columnCells(sheet, 'Логин').map((c) => c.value);
    const lowIndex = columnCells(sheet, 'Индекс низких результатов').map((c) => c.value);
    expect(logins).toEqual(api.map((n) => n.school.code));
    expect(lowIndex).toEqual(api.map((n) => n.lowIndex));
    expect(columnCells(sheet, 'Код региона').map((c) => c.value)).toEqual(api.map(() => '56'));
  });
});
