import { describe, expect, it } from 'vitest';
import { columnsFor } from './column-builders.js';
import { expandColumns } from './columns.js';

interface Row {
  status: string;
  share: number | null;
  at: string | null;
}
const c = columnsFor<Row>();
const specs = [
  c.position(),
  c.enumeration('status', 'Статус', { ELIGIBLE: 'Соответствует критериям' }, (n) => n.status),
  c.percent('share', 'Доля «2»', (n) => n.share),
  c.datetime(
    'decided_at',
    'Дата решения',
    (n) => n.at,
    () => 'Europe/Samara',
  ),
];
const row: Row = { status: 'ELIGIBLE', share: 0.25, at: '2026-03-01T10:00:00.000Z' };

describe('expandColumns', () => {
  it('documents: an enum is its label and, beside it, its code; widths by kind', () => {
    const { columns, cells } = expandColumns(specs, 'document');
    expect(columns.map((col) => [col.header, col.kind])).toEqual([
      ['№ п/п', 'integer'],
      ['Статус', 'text'],
      ['Статус (код)', 'code'],
      ['Доля «2»', 'percent'],
      ['Дата решения', 'datetime'],
    ]);
    expect(columns.map((col) => col.width)).toEqual([7, 25, 10, 10, 17]);
    expect(cells(row, 3)).toEqual([
      3,
      'Соответствует критериям',
      'ELIGIBLE',
      0.25,
      { at: new Date(row.at!), timeZone: 'Europe/Samara' },
    ]);
  });

  it('machines: the code alone, under the stable snake_case key', () => {
    const { columns, cells } = expandColumns(specs, 'machine');
    expect(columns.map((col) => col.key)).toEqual(['position', 'status', 'share', 'decided_at']);
    expect(cells({ ...row, at: null, share: null }, 1)).toEqual([1, 'ELIGIBLE', null, null]);
  });
});
