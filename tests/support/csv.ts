import { expect } from 'vitest';

/**
 * CSV of either export dialect (and of the IDE's downloads) as a reader sees it: fields split by
 * `separator`, quotes undone (RFC 4180), rows ended by LF or CRLF, a last row without one kept.
 */
export function parseDelimited(text: string, separator: string): string[][] {
  const rows: string[][] = [];
  let field = '';
  let row: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i]!;
    if (quoted && c === '"' && text[i + 1] === '"') {
      field += '"';
      i += 1;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (!quoted && c === separator) {
      row.push(field);
      field = '';
    } else if (!quoted && c === '\n') {
      rows.push([...row, field.replace(/\r$/, '')]);
      row = [];
      field = '';
    } else {
      field += c;
    }
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows;
}

/** The CSV as Russian Excel reads it: a BOM first (asserted), then `;`-separated fields. */
export function parseCsv(bytes: Buffer): string[][] {
  const text = bytes.toString('utf8');
  expect(text.charCodeAt(0)).toBe(0xfeff);
  return parseDelimited(text.slice(1), ';');
}

/** Rows as objects by header, for reading a column by its name. */
export function byHeader(rows: readonly string[][]): Record<string, string>[] {
  const [header = [], ...data] = rows;
  return data.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])));
}
