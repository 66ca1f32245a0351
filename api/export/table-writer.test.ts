import { describe, expect, it } from 'vitest';
import { csvField } from './table-writer.js';

describe('csvField', () => {
  it.each(['=HYPERLINK("http://x","y")', '+7 999', '-1+1', '@SUM(A1)', '\tcmd', '\rcmd'])(
    'neutralises text a spreadsheet would run as a formula: %j',
    (text) => {
      const field = csvField(text);
      expect(field.startsWith(`"'`)).toBe(true);
      // the text itself survives, quotes doubled
      expect(field.slice(2, -1).replace(/""/g, '"')).toBe(text);
    },
  );

  it('leaves ordinary text, numbers (negative too) and booleans as they were', () => {
    expect(csvField('МБОУ СОШ № 1')).toBe('МБОУ СОШ № 1');
    expect(csvField(-1.5)).toBe('-1,5');
    expect(csvField(true)).toBe('да');
    expect(csvField('a;b')).toBe('"a;b"');
  });
});
