import { describe, expect, it } from 'vitest';
import { csvField, EXCEL_TEXT_MARK } from './csv-writer.js';
import { type CellKind, type TableColumn } from './table.js';

const column = (kind: CellKind, decimals?: number): TableColumn => ({
  key: 'k',
  header: 'h',
  kind,
  width: 10,
  decimals,
});

describe('csvField', () => {
  it.each(['=HYPERLINK("http://x","y")', '+7 999', '-1+1', '@SUM(A1)', '\tcmd', '\rcmd'])(
    'neutralises text a spreadsheet would run as a formula, in both dialects: %j',
    (text) => {
      for (const dialect of ['russian', 'machine'] as const) {
        const field = csvField(text, column('text'), dialect);
        expect(field.startsWith(`"'`)).toBe(true);
        // the text itself survives, quotes doubled
        expect(field.slice(2, -1).replace(/""/g, '"')).toBe(text);
      }
    },
  );

  it('Russian: ordinary text as it is, decimal comma, percent of the fraction, да/нет', () => {
    expect(csvField('МБОУ СОШ № 1', column('text'), 'russian')).toBe('МБОУ СОШ № 1');
    expect(csvField(-1.5, column('number', 2), 'russian')).toBe('-1,50');
    expect(csvField(0.123456, column('percent'), 'russian')).toBe('12,3%');
    expect(csvField(1234, column('integer'), 'russian')).toBe('1234');
    expect(csvField(true, column('boolean'), 'russian')).toBe('да');
    expect(csvField('a;b', column('text'), 'russian')).toBe('"a;b"');
    expect(csvField(null, column('percent'), 'russian')).toBe('');
  });

  it('Russian: a code Excel would read as a number or a date stays text; other codes are untouched', () => {
    expect(csvField('05', column('code'), 'russian')).toBe(`${EXCEL_TEXT_MARK}05`);
    expect(csvField('1-2', column('code'), 'russian')).toBe(`${EXCEL_TEXT_MARK}1-2`);
    expect(csvField('sch560001', column('code'), 'russian')).toBe('sch560001');
    // the same digits as ordinary text are not codes
    expect(csvField('05', column('text'), 'russian')).toBe('05');
  });

  it('machine: `.` decimals, raw fractions, true/false, bare codes, `,` quoted', () => {
    expect(csvField(0.123456789, column('percent'), 'machine')).toBe('0.123456789');
    expect(csvField(-1.5, column('number', 2), 'machine')).toBe('-1.5');
    expect(csvField(false, column('boolean'), 'machine')).toBe('false');
    expect(csvField('05', column('code'), 'machine')).toBe('05');
    expect(csvField('a,b', column('text'), 'machine')).toBe('"a,b"');
    expect(csvField('a;b', column('text'), 'machine')).toBe('a;b');
  });

  it('dates: the region’s clock — Russian «dd.mm.yyyy hh:mm», machine ISO 8601 with the offset', () => {
    const at = new Date('2026-03-01T20:30:15Z');
    const cell = { at, timeZone: 'Asia/Yekaterinburg' };
    expect(csvField(cell, column('datetime'), 'russian')).toBe('02.03.2026 01:30');
    expect(csvField(cell, column('datetime'), 'machine')).toBe('2026-03-02T01:30:15+05:00');
    const kaliningrad = { at, timeZone: 'Europe/Kaliningrad' };
    expect(csvField(kaliningrad, column('datetime'), 'machine')).toBe('2026-03-01T22:30:15+02:00');
  });
});
