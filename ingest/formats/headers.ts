import { type BadRow, type FieldSpec } from './types.js';

/** Header comparison ignores case, surrounding and repeated whitespace, a BOM and ё/е. */
export function normalizeHeader(text: string): string {
  return text
    .replace(/^\uFEFF/, '')
    .trim()
    .replace(/\s+/g, ' ')
    .toLowerCase()
    .replace(/ё/g, 'е');
}

/** Where each field of a format sits in the file, and the header text the file gives it. */
export interface HeaderMap {
  /** Column index per field key; absent keys are not in the file. */
  index: ReadonlyMap<string, number>;
  /** The file's own header text per field key (for error reports). */
  label: ReadonlyMap<string, string>;
}

/**
 * Matches a header row against a format's fields. Column order is free and unknown columns are
 * ignored; a required field with no column is a bad row at line 1. The first column naming a field wins.
 */
export function mapHeaders(
  header: readonly string[],
  fields: readonly FieldSpec[],
  headerLine: number,
): { map: HeaderMap; bad: BadRow[] } {
  const byName = new Map<string, string>();
  for (const field of fields) for (const name of field.names) byName.set(normalizeHeader(name), field.key);
  const index = new Map<string, number>();
  const label = new Map<string, string>();
  header.forEach((text, column) => {
    const key = byName.get(normalizeHeader(text));
    if (key && !index.has(key)) {
      index.set(key, column);
      label.set(key, text.trim());
    }
  });
  const bad: BadRow[] = [];
  for (const field of fields) {
    if (field.required && !index.has(field.key)) {
      const [ru, alias] = field.names;
      bad.push({
        line: headerLine,
        column: ru ?? field.key,
        value: '',
        reason: {
          ru: `нет обязательного столбца «${ru}» (или «${alias}»)`,
          en: `the required column «${alias}» («${ru}») is missing`,
        },
      });
    }
  }
  for (const field of fields) if (!label.has(field.key)) label.set(field.key, field.names[0] ?? field.key);
  return { map: { index, label }, bad };
}
