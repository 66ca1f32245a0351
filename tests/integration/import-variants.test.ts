import ExcelJS from 'exceljs';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFreshDatabase, type FreshDatabase } from '../support/fresh-database.js';
import { importBytes } from '../support/import.js';

/** One set of ВПР rows written five ways stores the same counts; re-imports are idempotent. */

type Row = [
  code: string,
  grade: number,
  subject: string,
  n: number,
  n2: number,
  n3: number,
  n4: number,
  n5: number,
];
const ROWS: Row[] = [
  ['sch230001', 4, 'Русский язык', 23, 2, 9, 8, 4],
  ['sch230001', 5, 'Математика', 27, 5, 11, 7, 4],
  ['sch230001', 7, 'Математика (углублённый уровень)', 12, 1, 4, 5, 2],
  ['sch230002', 6, 'Иностранный язык (английский)', 31, 3, 13, 10, 5],
  ['sch230002', 8, 'География', 7, 0, 3, 3, 1],
  ['sch230003', 11, 'История', 19, 1, 7, 7, 4],
];
const HEADER = ['Год', 'Логин', 'ОО', 'Класс', 'Предмет', 'Кол-во участников'];
const NAME = 'МБОУ «Школа №1», с. Ёлкино';
/** Percentages as ФИС ОКО shows them: one decimal. */
const pct = (count: number, n: number) => Math.round((count / n) * 1000) / 10;

const canonical = [
  [...HEADER, '2', '3', '4', '5'].join(';'),
  ...ROWS.map(([code, grade, subject, ...counts]) =>
    [2027, code, NAME.replace(/;/g, ''), grade, subject, ...counts].join(';'),
  ),
].join('\n');

function toCp1251(text: string): Buffer {
  // Cyrillic А..я sit at U+0410..U+044F and 0xC0..0xFF; Ё/ё and the few other letters used here by table.
  const special: Record<string, number> = { Ё: 0xa8, ё: 0xb8, '«': 0xab, '»': 0xbb, '№': 0xb9 };
  return Buffer.from(
    [...text].map((ch) => {
      const code = ch.codePointAt(0) as number;
      if (code < 0x80) return code;
      if (special[ch] !== undefined) return special[ch];
      if (code >= 0x410 && code <= 0x44f) return code - 0x410 + 0xc0;
      throw new Error(`no cp1251 for ${ch}`);
    }),
  );
}

const quote = (text: string) => `"${text.replace(/"/g, '""')}"`;
/** Windows-1251, «,» separator, CRLF, percentages with a decimal comma and a «%» sign per row. */
const cp1251PerRowPercent = toCp1251(
  [
    [...HEADER, '2', '3', '4', '5'].map(quote).join(','),
    ...ROWS.map(([code, grade, subject, n, ...counts]) =>
      [
        2027,
        code,
        quote(NAME),
        grade,
        quote(subject),
        n,
        ...counts.map((c) => quote(`${String(pct(c, n)).replace('.', ',')}%`)),
      ].join(','),
    ),
  ].join('\r\n'),
);

const percentFile = [
  [...HEADER, '%2', '%3', '%4', '%5'].join(';'),
  ...ROWS.map(([code, grade, subject, n, ...counts]) =>
    [2027, code, 'x', grade, subject, n, ...counts.map((c) => String(pct(c, n)).replace('.', ','))].join(';'),
  ),
].join('\n');

async function xlsxFile(): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('ВПР');
  sheet.addRow(['Логин', 'Год', 'Класс', 'Предмет', 'Кол-во участников', '2', '3', '4', '5', 'Примечание']);
  for (const [code, grade, subject, ...counts] of ROWS)
    sheet.addRow([code, 2027, grade, subject, ...counts, 'ок']);
  workbook.addWorksheet('Пояснения').addRow(['not data']);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

let fresh: FreshDatabase;
let db: pg.Pool;

beforeAll(async () => {
  fresh = await createFreshDatabase({ seed: 'demo' });
  db = new pg.Pool({ connectionString: fresh.url, max: 2 });
});
afterAll(async () => {
  await db.end();
  await fresh.drop();
});

async function stored(): Promise<unknown[]> {
  const { rows } = await db.query(
    `select s.code, v.grade, v.subject, v.participants, v.n2, v.n3, v.n4, v.n5 from vpr_result v
     join school s on s.id = v.school_id where v.year = 2027 order by 1, 2, 3`,
  );
  return rows;
}

const version = async () => Number((await db.query(`select version from data_version`)).rows[0]?.version);

describe('canonical and variant files', () => {
  it.each([
    ['UTF-8 «;» counts', () => Promise.resolve<Uint8Array | string>(canonical)],
    ['Windows-1251 «,» percentages with «%» and decimal commas', () => Promise.resolve(cp1251PerRowPercent)],
    ['Windows-1251 «;» counts', () => Promise.resolve(toCp1251(canonical))],
    ['«%2 … %5» headers, decimal commas', () => Promise.resolve(percentFile)],
    ['XLSX, other column order, a second sheet', xlsxFile],
  ])('%s stores exactly the canonical counts', async (_name, make) => {
    await db.query(`delete from vpr_result where year = 2027`);
    const report = await importBytes(fresh.url, 'vpr', await make());
    expect(report.errors).toEqual([]);
    expect(report).toMatchObject({ status: 'ACCEPTED', inserted: ROWS.length });
    expect(await stored()).toEqual(
      ROWS.map(([code, grade, , n, n2, n3, n4, n5], i) => ({
        code,
        grade,
        subject: ['RU', 'MA', 'MAA', 'EN', 'GE', 'HI'][i],
        participants: n,
        n2,
        n3,
        n4,
        n5,
      })),
    );
  });
  it('the cp1251 bytes really are cp1251 (not valid UTF-8)', () => {
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(toCp1251(canonical))).toThrow();
  });
});

describe('idempotency', () => {
  it('the same file twice: all unchanged the second time, and the data version is not bumped', async () => {
    await db.query(`delete from vpr_result where year = 2027`);
    const first = await importBytes(fresh.url, 'vpr', canonical);
    expect(first).toMatchObject({ status: 'ACCEPTED', inserted: 6, updated: 0, unchanged: 0 });
    const versionAfterFirst = await version();
    expect(first.dataVersion).toBe(versionAfterFirst);
    const second = await importBytes(fresh.url, 'vpr', canonical);
    expect(second).toMatchObject({
      status: 'ACCEPTED',
      inserted: 0,
      updated: 0,
      unchanged: 6,
      refreshMilliseconds: 0,
    });
    expect(await version()).toBe(versionAfterFirst);
  });

  it('one changed row is updated 1 (replaced whole), an exact repeat counts once, and the version moves', async () => {
    const before = await version();
    const lines = canonical.split('\n');
    lines[1] = (lines[1] as string).replace(';23;2;9;8;4', ';23;3;8;8;4');
    const changed = [...lines, lines[2]].join('\n');
    const report = await importBytes(fresh.url, 'vpr', changed);
    expect(report).toMatchObject({
      status: 'ACCEPTED',
      rows: 7,
      inserted: 0,
      updated: 1,
      unchanged: 5,
      repeated: 1,
    });
    expect(await version()).toBe(before + 1);
    const { rows } = await db.query(
      `select n2, n3 from vpr_result v join school s on s.id = v.school_id where s.code = 'sch230001' and year = 2027 and grade = 4`,
    );
    expect(rows).toEqual([{ n2: 3, n3: 8 }]);
  });

  it('an optional column absent from the new file becomes empty', async () => {
    const withJournal = `Год;Логин;Класс;Предмет;Кол-во участников;2;3;4;5;Понизили;Подтвердили;Повысили\n2027;sch230001;4;RU;23;3;8;8;4;1;20;2`;
    expect(await importBytes(fresh.url, 'vpr', withJournal)).toMatchObject({ updated: 1 });
    const without = `Год;Логин;Класс;Предмет;Кол-во участников;2;3;4;5\n2027;sch230001;4;RU;23;3;8;8;4`;
    expect(await importBytes(fresh.url, 'vpr', without)).toMatchObject({ updated: 1 });
    const { rows } = await db.query(
      `select lowered, confirmed, raised from vpr_result v join school s on s.id = v.school_id where s.code = 'sch230001' and year = 2027 and grade = 4`,
    );
    expect(rows).toEqual([{ lowered: null, confirmed: null, raised: null }]);
  });

  it('a schools file creates its missing region and municipality, then updates a school by code', async () => {
    const file = `Регион;Муниципалитет;Логин;ОО;Тип ОО;Местность;Численность обучающихся
Тверская область;Конаковский район;sch690001;МБОУ СОШ № 1 г. Конаково;СОШ;город;812
Краснодарский край;Новый район;sch239999;МБОУ лицей;лицей;пгт;400`;
    const report = await importBytes(fresh.url, 'schools', file);
    expect(report).toMatchObject({
      status: 'ACCEPTED',
      inserted: 2,
      createdRegions: 1,
      createdMunicipalities: 2,
    });
    const { rows } = await db.query(`select code from region where name = 'Тверская область'`);
    expect(rows).toEqual([{ code: '69' }]);
    const again = await importBytes(fresh.url, 'schools', file.replace(';812', ';815'));
    expect(again).toMatchObject({ inserted: 0, updated: 1, unchanged: 1, createdRegions: 0 });
  });
});
