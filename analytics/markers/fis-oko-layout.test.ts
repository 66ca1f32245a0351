import { describe, expect, it } from 'vitest';
import { markerTable } from './fis-oko-layout.js';
import { type Marker, type MarkerCode } from './types.js';

const m = (schoolId: number, year: number, grade: number, subject: string, code: MarkerCode): Marker => ({
  schoolId,
  year,
  grade,
  subject,
  code,
  value: 1,
  threshold: 0,
  regionValue: null,
  detail: '',
  figures: { participants: 10 },
});

describe('markerTable', () => {
  const markers = [
    m(2, 2024, 5, 'MA', 'HIGH_VS_REGION'),
    m(1, 2024, 4, 'OM', 'SCORE_SPIKE'),
    m(1, 2023, 7, 'MAA', 'HIGH_VS_REGION'),
    m(1, 2023, 4, 'RU', 'SCORE_SPIKE'),
    m(1, 2023, 4, 'RU', 'HIGH_VS_REGION'),
    m(1, 2023, 4, 'RU', 'HIGH_VS_REGION'), // the same marker twice counts once
    m(1, 2023, 7, 'MA', 'JOURNAL_MISMATCH'),
    m(3, 2023, 4, 'EN', 'JOURNAL_MISMATCH'),
    m(3, 2023, 4, 'BI', 'JOURNAL_MISMATCH'),
  ];

  it('orders columns by grade, then РУ, МА, МАУ, then other subjects by code; only those present', () => {
    expect(markerTable(markers).columns.map((c) => c.key)).toEqual([
      '4 РУ',
      '4 БИ', // BI
      '4 АЯ', // EN
      '4 ОМ', // OM
      '5 МА',
      '7 МА',
      '7 МАУ',
    ]);
    expect(markerTable(markers).columns[6]).toEqual({ key: '7 МАУ', grade: 7, subject: 'MAA' });
  });

  it('gives one row per school and year, cells in column order, and «Количество маркеров»', () => {
    const { rows } = markerTable(markers);
    expect(rows.map((r) => [r.schoolId, r.year, r.markerCount])).toEqual([
      [1, 2023, 4], // 4 РУ: 2 codes, 7 МА: 1, 7 МАУ: 1
      [1, 2024, 1],
      [2, 2024, 1],
      [3, 2023, 2],
    ]);
    expect(rows[0]?.cells).toEqual([
      { column: '4 РУ', grade: 4, subject: 'RU', codes: ['HIGH_VS_REGION', 'SCORE_SPIKE'] },
      { column: '7 МА', grade: 7, subject: 'MA', codes: ['JOURNAL_MISMATCH'] },
      { column: '7 МАУ', grade: 7, subject: 'MAA', codes: ['HIGH_VS_REGION'] },
    ]);
  });

  it('can count only some codes and always show some columns', () => {
    const table = markerTable(markers, {
      codes: ['HIGH_VS_REGION'],
      alwaysColumns: [
        { grade: 5, subject: 'RU' },
        { grade: 4, subject: 'MA' },
      ],
    });
    expect(table.columns.map((c) => c.key)).toEqual(['4 РУ', '4 МА', '5 РУ', '5 МА', '7 МАУ']);
    expect(table.rows.map((r) => [r.schoolId, r.year, r.markerCount])).toEqual([
      [1, 2023, 2],
      [2, 2024, 1],
    ]);
  });

  it('is empty without markers', () => {
    expect(markerTable([])).toEqual({ columns: [], rows: [] });
  });
});
