import { describe, expect, it } from 'vitest';
import { csvField as serverCsvField } from '../export/csv-writer.js';
import { type TableColumn } from '../export/table.js';
import {
  type Cell,
  csvField,
  csvText,
  defaultPath,
  EXCEL_TEXT_MARK,
  fileName,
  findLists,
  rowsAt,
  toTable,
  VALUE_COLUMN,
  xlsxCells,
} from './table-model.js';

const answer = {
  data: {
    schools: {
      totalCount: 2,
      pageInfo: { hasNextPage: false, endCursor: null },
      nodes: [
        {
          code: 'sch1',
          name: 'СОШ № 1',
          municipality: { name: 'Район', region: { code: '05' } },
          tags: ['a', 'b'],
        },
        { code: 'sch2', name: 'СОШ № 2', municipality: null, tags: [], results: [{ year: 2024 }] },
      ],
    },
    regions: [{ code: '05' }],
    years: [2023, 2024],
  },
  errors: [{ message: 'partial' }],
};

describe('which lists of an answer can be tables', () => {
  it('finds arrays of objects under data, in answer order, not inside list items nor in errors', () => {
    expect(findLists(answer)).toEqual([
      { path: 'data.schools.nodes', length: 2 },
      { path: 'data.regions', length: 1 },
    ]);
    expect(findLists({ data: { school: { results: [] } } })).toEqual([
      { path: 'data.school.results', length: 0 },
    ]);
    expect(findLists('not json')).toEqual([]);
  });

  it("prefers a connection's nodes, else takes the first list, else data as one row", () => {
    const regionsFirst = { data: { regions: [{ code: '05' }], schools: { nodes: [{ code: 'x' }] } } };
    expect(defaultPath(regionsFirst)).toBe('data.schools.nodes');
    expect(defaultPath({ data: { a: [{}], b: [{}] } })).toBe('data.a');
    expect(defaultPath({ data: { school: { code: 'x' } } })).toBe('data');
    expect(rowsAt({ data: { school: { code: 'x' } } }, 'data')).toEqual([{ school: { code: 'x' } }]);
    expect(defaultPath({ errors: [{ message: 'no' }] })).toBeNull();
    expect(rowsAt(answer, 'data.regions')).toEqual([{ code: '05' }]);
    expect(rowsAt(answer, 'data.nowhere')).toEqual([]);
  });
});

describe('toTable', () => {
  it('flattens nested objects to dotted columns, joins scalar arrays, keeps other arrays as JSON', () => {
    const table = toTable(rowsAt(answer, 'data.schools.nodes'));
    expect(table.columns).toEqual([
      'code',
      'name',
      'municipality.name',
      'municipality.region.code',
      'tags',
      'results',
    ]);
    expect(table.rows).toEqual([
      ['sch1', 'СОШ № 1', 'Район', '05', 'a, b', null],
      ['sch2', 'СОШ № 2', null, null, '', '[{"year":2024}]'],
    ]);
  });

  it('keeps a null object as a column when no row has its children, and non-objects as values', () => {
    expect(toTable([{ m: null }, { m: null }])).toEqual({ columns: ['m'], rows: [[null], [null]] });
    expect(toTable([{ a: 1 }, null, 2])).toEqual({
      columns: ['a', VALUE_COLUMN],
      rows: [
        [1, null],
        [null, null],
        [null, 2],
      ],
    });
    expect(toTable([])).toEqual({ columns: [], rows: [] });
  });
});

// Every cell as the server's Russian CSV writes a `code` column: strings are text whatever they
// look like, which is what a JSON string is (numbers come as JSON numbers).
const asCode: TableColumn = { key: 'k', header: 'h', kind: 'code', width: 10 };
const CELLS: Cell[] = [
  null,
  true,
  false,
  0,
  42,
  -1.5,
  0.025316455696,
  1e21,
  'МБОУ СОШ № 1',
  '=HYPERLINK("http://x","y")',
  '+7 999',
  '-1+1',
  '@SUM(A1)',
  '\tcmd',
  '\rcmd',
  "'already quoted",
  'a;b',
  'say "hi"',
  'two\nlines',
  ' padded ',
  '05',
  '1-2',
  '2026-11-23',
  'sch230001',
  '',
];

describe('CSV for Russian Excel', () => {
  it.each(CELLS.map((cell) => [JSON.stringify(cell), cell] as const))(
    'writes %s as the server export does',
    (_, cell) => {
      expect(csvField(cell)).toBe(serverCsvField(cell, asCode, 'russian'));
    },
  );

  it('neutralises formula-like text, marks number-like text, uses the decimal comma', () => {
    expect(csvField('=1+1')).toBe(`"'=1+1"`);
    expect(csvField('05')).toBe(`${EXCEL_TEXT_MARK}05`);
    expect(csvField(-1.5)).toBe('-1,5');
    expect(csvField(true)).toBe('да');
  });

  it('starts with a BOM and ends every line with CRLF', () => {
    expect(
      csvText(
        ['a', 'b.c'],
        [
          [1.5, 'x;y'],
          [null, false],
        ],
      ),
    ).toBe('\uFEFFa;b.c\r\n1,5;"x;y"\r\n;нет\r\n');
  });

  it('gives exceljs да/нет for booleans and the rest as it is', () => {
    expect(xlsxCells([true, false, null, 1.5, '=1'])).toEqual(['да', 'нет', null, 1.5, '=1']);
  });
});

describe('fileName', () => {
  it('is the operation name, or result without one', () => {
    expect(fileName('SchoolWithResults', 'xlsx')).toBe('SchoolWithResults.xlsx');
    expect(fileName(null, 'csv')).toBe('result.csv');
    expect(fileName('../Отчёт: 2026', 'csv')).toBe('Отчёт_2026.csv');
  });
});
