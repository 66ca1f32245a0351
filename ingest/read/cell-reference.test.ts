import { describe, expect, it } from 'vitest';
import { cellReference } from './exceljs-reader.js';

describe('cellReference', () => {
  it('reads the column letters as a base-26 number and the row digits', () => {
    expect(cellReference('A1')).toEqual({ column: 1, row: 1 });
    expect(cellReference('Z9')).toEqual({ column: 26, row: 9 });
    expect(cellReference('AA10')).toEqual({ column: 27, row: 10 });
    expect(cellReference('GR2')).toEqual({ column: 200, row: 2 });
    expect(cellReference('XFD20000')).toEqual({ column: 16_384, row: 20_000 });
  });
});
