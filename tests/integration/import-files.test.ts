import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ImportKind } from '../../ingest/formats/types.js';
import { createFreshDatabase, type FreshDatabase } from '../support/fresh-database.js';
import { importBytes, tableFingerprint } from '../support/import.js';

/** The bad-input set (one defect per file) and a file with several bad rows: refused whole, every row named. */

const FIXTURES = join(import.meta.dirname, '../fixtures/import');
const TABLES: Record<ImportKind, string> = {
  schools: 'school',
  vpr: 'vpr_result',
  oge: 'oge_result',
  ege: 'ege_result',
  indicators: 'indicator_value',
};

interface BadCase {
  file: string;
  kind: ImportKind;
  line: number;
  column: string;
}

let fresh: FreshDatabase;
let db: pg.Pool;
const cases = JSON.parse(await readFile(join(FIXTURES, 'bad-set.json'), 'utf8')) as BadCase[];

beforeAll(async () => {
  fresh = await createFreshDatabase({ seed: 'demo' });
  db = new pg.Pool({ connectionString: fresh.url, max: 2 });
});
afterAll(async () => {
  await db.end();
  await fresh.drop();
});

describe('the bad-input set', () => {
  it.each(cases.map((c) => [c.file, c] as const))(
    '%s is refused at its line and column',
    async (_file, c) => {
      const table = TABLES[c.kind];
      const before = await tableFingerprint(db, table);
      const version = await db.query(`select version from data_version`);
      const report = await importBytes(
        fresh.url,
        c.kind,
        await readFile(join(FIXTURES, 'bad', c.file)),
        c.file,
      );
      expect(report.status).toBe('REJECTED');
      expect(report.badRows).toBe(1);
      expect(report.errors).toHaveLength(1);
      const [error] = report.errors;
      expect({ line: error?.line, column: error?.column }).toEqual({ line: c.line, column: c.column });
      expect(error?.reason.ru).toMatch(/[а-я]/);
      expect(error?.reason.en).toMatch(/[a-z]/);
      expect(await tableFingerprint(db, table)).toBe(before);
      expect((await db.query(`select version from data_version`)).rows).toEqual(version.rows);
      const { rows } = await db.query(`select status, bad_rows, file_name from import_log where id = $1`, [
        report.id,
      ]);
      expect(rows).toEqual([{ status: 'REJECTED', bad_rows: 1, file_name: c.file }]);
    },
  );

  it('a file with several bad rows lists every one, by line, and stores nothing', async () => {
    const before = await tableFingerprint(db, 'vpr_result');
    const report = await importBytes(
      fresh.url,
      'vpr',
      await readFile(join(FIXTURES, 'several-bad-rows.csv')),
    );
    expect(report.status).toBe('REJECTED');
    expect(report.rows).toBe(7);
    expect(report.errors.map((e) => [e.line, e.column])).toEqual([
      [3, 'Логин'],
      [5, 'Класс'],
      [6, '2, 3, 4, 5'],
      [8, 'Логин, Год, Класс, Предмет'],
    ]);
    expect(report.errors[3]?.reason.en).toContain('same key as line 4');
    expect(report.badRows).toBe(4);
    expect(await tableFingerprint(db, 'vpr_result')).toBe(before);
  });

  it('a header row only, an empty file and a binary file are refused without a crash', async () => {
    expect((await importBytes(fresh.url, 'vpr', '')).errors[0]?.reason.en).toContain('empty');
    const headerOnly = await importBytes(
      fresh.url,
      'vpr',
      'Год;Логин;Класс;Предмет;Кол-во участников;2;3;4;5\n',
    );
    expect(headerOnly).toMatchObject({ status: 'ACCEPTED', rows: 0, inserted: 0 });
    const zip = await importBytes(fresh.url, 'vpr', Buffer.from('PK\x03\x04garbage'), 'x.xlsx');
    expect(zip.status).toBe('REJECTED');
    expect(zip.fileError?.en).toMatch(/XLSX/);
  });
});
