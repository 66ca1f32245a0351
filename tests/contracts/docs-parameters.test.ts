import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_V1 } from '../../analytics/methodology/params.js';
import { loadConfig } from '../../config/settings.js';
import { FORMATS } from '../../ingest/formats/index.js';
import { SUPPORT_FORMATS } from '../../ingest/formats/support/index.js';
import { IMPORT_KINDS, SUPPORT_IMPORT_KINDS } from '../../ingest/formats/types.js';

/**
 * docs/ against the code it explains (issue 10): the parameters are read from DEFAULT_V1 and the
 * import columns from ingest/formats at test time, so a parameter, a default, a kind or a header
 * name added or changed in the code without the documentation fails here.
 */

const read = (name: string): string => readFileSync(new URL(`../../docs/${name}`, import.meta.url), 'utf8');
const methodology = read('methodology.md');
const dataFormats = read('data-formats.md');

/** The text under a `## heading` (its `###` subsections included), up to the next `## `. */
function section(doc: string, heading: string): string {
  const start = doc.indexOf(`\n## ${heading}\n`);
  if (start < 0) throw new Error(`no section «## ${heading}»`);
  const end = doc.indexOf('\n## ', start + 1);
  return doc.slice(start, end < 0 ? undefined : end);
}

interface Table {
  header: string[];
  rows: string[][];
}

/** The markdown tables of a text; cells trimmed, `\|` kept inside its cell. */
function tables(text: string): Table[] {
  const cells = (line: string): string[] =>
    line
      .trim()
      .replace(/^\||\|$/g, '')
      .split(/(?<!\\)\|/)
      .map((cell) => cell.trim());
  const out: Table[] = [];
  let block: string[] = [];
  for (const line of [...text.split('\n'), '']) {
    if (line.trim().startsWith('|')) {
      block.push(line);
      continue;
    }
    if (block.length >= 2) out.push({ header: cells(block[0] as string), rows: block.slice(2).map(cells) });
    block = [];
  }
  return out;
}

/** A cell read as a value: code marks and every space dropped (`[4, 5]` reads `[4,5]`). */
const compact = (text: string): string => text.replace(/`/g, '').replace(/\s+/g, '');
/** How a default may be written: as JSON (`[4,5]`, `0.9`), a string also bare (`REVIEW`). */
const spellings = (value: unknown): string[] =>
  typeof value === 'string' ? [value, JSON.stringify(value)] : [compact(JSON.stringify(value))];

const parameterTables = tables(section(methodology, 'Parameters'));
const mainTable = parameterTables.find((t) => t.header[0] === 'key' && t.header.includes('default'));

function rowOf(table: Table, first: string): string[] | undefined {
  return table.rows.find((row) => row[0] === `\`${first}\``);
}

/** Every parameter of default-v1 as [dotted key, default]; lists of coded entries as one key. */
const PARAMETERS: [string, unknown][] = Object.entries(DEFAULT_V1).flatMap(([name, values]) =>
  Object.entries(values as Record<string, unknown>).map(([key, value]): [string, unknown] => [
    `${name}.${key}`,
    value,
  ]),
);

const isCodedList = (value: unknown): value is Record<string, unknown>[] =>
  Array.isArray(value) &&
  value.length > 0 &&
  value.every((v) => typeof v === 'object' && v !== null && 'code' in v);

describe('docs/methodology.md documents default-v1 (analytics/methodology/params.ts)', () => {
  it('has the parameters table', () => {
    expect(mainTable, 'a table with the columns key, default, … under «## Parameters»').toBeDefined();
  });

  it.each(PARAMETERS.filter(([, value]) => !isCodedList(value)))('%s with its default', (key, value) => {
    const row = rowOf(mainTable as Table, key);
    expect(row, `a row for \`${key}\``).toBeDefined();
    const cell = (row as string[])[(mainTable as Table).header.indexOf('default')] ?? '';
    expect(spellings(value)).toContain(compact(cell));
  });

  it.each(PARAMETERS.filter(([, value]) => isCodedList(value)))(
    '%s: every entry with every field',
    (key, value) => {
      expect(rowOf(mainTable as Table, key), `a row for \`${key}\``).toBeDefined();
      for (const entry of value as Record<string, unknown>[]) {
        const fields = Object.keys(entry).filter((field) => field !== 'code');
        const table = parameterTables.find(
          (t) => t.header[0] === 'code' && fields.every((f) => t.header.includes(f)),
        );
        expect(table, `a table with the columns code, ${fields.join(', ')}`).toBeDefined();
        const row = rowOf(table as Table, String(entry.code));
        expect(row, `a row for \`${String(entry.code)}\` of ${key}`).toBeDefined();
        for (const field of fields) {
          const cell = (row as string[])[(table as Table).header.indexOf(field)] ?? '';
          expect(spellings(entry[field]), `${key} ${String(entry.code)}.${field}`).toContain(compact(cell));
        }
      }
    },
  );

  it('documents no parameter the code does not have', () => {
    const known = new Set(PARAMETERS.map(([key]) => key));
    const documented = (mainTable as Table).rows.map((row) => (row[0] ?? '').replace(/`/g, ''));
    expect(documented.filter((key) => !known.has(key))).toEqual([]);
  });
});

describe('docs/data-formats.md documents every import kind (ingest/formats)', () => {
  const fieldsOf = (kind: string) =>
    (FORMATS as Record<string, { fields: typeof FORMATS.schools.fields }>)[kind]?.fields ??
    SUPPORT_FORMATS[kind as (typeof SUPPORT_IMPORT_KINDS)[number]].fields;
  it.each([...IMPORT_KINDS, ...SUPPORT_IMPORT_KINDS].map((kind) => [kind]))(
    '%s: every header name, required or not',
    (kind) => {
      const text = section(dataFormats, `Kind: ${kind}`);
      const columns = tables(text).find((t) => t.header[0] === 'Russian header');
      expect(columns, `the column table of ${kind}`).toBeDefined();
      const required = (columns as Table).header.indexOf('required');
      for (const field of fieldsOf(kind)) {
        for (const name of field.names) expect(text, `${kind}: «${name}»`).toContain(`\`${name}\``);
        const row = (columns as Table).rows.find((r) => (r[0] ?? '').includes(`\`${field.names[0]}\``));
        expect(row, `${kind}: a row for «${field.names[0]}»`).toBeDefined();
        expect((row as string[])[required] === 'yes', `${kind}: is «${field.names[0]}» required`).toBe(
          field.required,
        );
      }
    },
  );

  it('names every IMPORT_* limit with its default', () => {
    const limits = tables(section(dataFormats, 'Limits')).find((t) => t.header[0] === 'setting') as Table;
    const defaults = loadConfig({}).imports;
    const covered = new Set<string>();
    for (const row of limits.rows) {
      const setting = compact(row[0] ?? '');
      // Which limit the setting sets: the one that follows it when it is given.
      const changed = Object.entries(loadConfig({ [setting]: '7' }).imports).filter(([, v]) => v === 7);
      expect(changed, `${setting} sets one limit`).toHaveLength(1);
      const [key] = changed[0] as [keyof typeof defaults, number];
      covered.add(key);
      expect(compact(row[1] ?? ''), setting).toMatch(new RegExp(`^${defaults[key]}(\\(|$)`));
    }
    expect([...covered].sort()).toEqual(Object.keys(defaults).sort());
  });
});
