import { describe, expect, it } from 'vitest';
import { CsvTokenizer, detectSeparator } from './csv.js';

function tokenize(text: string, chunkSize = text.length || 1) {
  const tokenizer = new CsvTokenizer();
  for (let i = 0; i < text.length; i += chunkSize) tokenizer.push(text.slice(i, i + chunkSize));
  tokenizer.end();
  const { lines, records } = tokenizer.take();
  return records.map((fields, i) => [lines[i], fields]);
}

describe('CsvTokenizer', () => {
  const text = 'a;b;c\r\n1;"x;y";"he said ""hi"""\r\n\r\n2;"two\nlines";3\n;;\n4;5;6';
  const expected = [
    [1, ['a', 'b', 'c']],
    [2, ['1', 'x;y', 'he said "hi"']],
    [4, ['2', 'two\nlines', '3']],
    [7, ['4', '5', '6']],
  ];

  it('splits quoted fields, "" escapes, CRLF, multi-line fields; skips blank rows; numbers lines', () => {
    expect(tokenize(text)).toEqual(expected);
  });

  it.each([1, 2, 3, 5, 7])('gives the same records whatever the chunk size (%i)', (size) => {
    expect(tokenize(text, size)).toEqual(expected);
  });

  it('detects the separator from the header line', () => {
    expect(detectSeparator('Год;Логин;"a,b"')).toBe(';');
    expect(detectSeparator('year,code,"a;b;c"')).toBe(',');
    expect(tokenize('a,b\n"1,5",2')).toEqual([
      [1, ['a', 'b']],
      [2, ['1,5', '2']],
    ]);
  });

  it('refuses an unterminated quote at the end of the file', () => {
    expect(() => tokenize('a;b\n1;"open')).toThrow(/unterminated/);
  });
});
