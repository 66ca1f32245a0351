import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import pg from 'pg';
import { loadDatabaseSettings } from '../../config/settings.js';
import { exitOnOperatorError, orExit } from '../../config/operator-error.js';
import { SUBJECT_NAMES_RU, type Subject } from '../../schema/enums.js';
import { csvLine, encodeCp1251 } from './encode.js';

/**
 * `npm run samples -- --region 56 --out samples/`: the files a regional analyst receives for a new
 * year, made from the database's newest year of that region with small deterministic changes —
 * ВПР as a ФИС ОКО XLSX with percentages, ОГЭ as a Windows-1251 `;` CSV with decimal commas, ЕГЭ
 * as a UTF-8 `,` CSV, indicators in the long format. Counts only: no personal data exists to copy.
 */
const args = new Map<string, string>();
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i += 2) args.set((argv[i] ?? '').replace(/^--/, ''), argv[i + 1] ?? '');
const region = args.get('region') ?? '56';
const out = args.get('out') ?? 'samples';
const pool = new pg.Pool({
  // DATABASE_URL with the one default of the CLIs (config/settings.ts); the README's walkthrough
  // sets it to the embedded database of `npm start`.
  connectionString: orExit('samples', () => loadDatabaseSettings()).databaseUrl,
  max: 1,
});

const IN_REGION = `join school s on s.id = r.school_id join municipality m on m.id = s.municipality_id
  join region g on g.id = m.region_id where g.code = $1`;

/** Moves a few pupils between marks (same N), by a hash of the key: the new year differs, reproducibly. */
function shift(key: string, marks: number[]): number[] {
  let h = 0;
  for (const c of key) h = (h * 31 + c.charCodeAt(0)) >>> 0;
  const from = h % 4;
  const to = (h >>> 2) % 4;
  const moved = Math.min(marks[from] ?? 0, (h >>> 4) % 3);
  const next = marks.map((count, i) => count - (i === from ? moved : 0) + (i === to ? moved : 0));
  return next;
}

const percent = (count: number, n: number) => Math.round((count / n) * 10_000) / 100;

async function main() {
  const [{ year: last }] = (
    await pool.query<{ year: number }>(`select max(r.year)::int as year from vpr_result r ${IN_REGION}`, [
      region,
    ])
  ).rows as [{ year: number }];
  const year = Number(args.get('year') ?? last + 1);
  await mkdir(out, { recursive: true });

  const vpr = await pool.query(
    `select s.code, s.name, m.name as municipality, g.name as region, r.grade, r.subject, r.participants, r.n2, r.n3, r.n4, r.n5
     from vpr_result r ${IN_REGION} and r.year = $2 order by s.code, r.grade, r.subject`,
    [region, last],
  );
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Статистика по отметкам');
  sheet.addRow([
    'Год',
    'Регион',
    'Муниципалитет',
    'Логин',
    'ОО',
    'Класс',
    'Предмет',
    'Кол-во участников',
    '%2',
    '%3',
    '%4',
    '%5',
  ]);
  for (const r of vpr.rows) {
    const marks = shift(`${r.code}${r.grade}${r.subject}`, [r.n2, r.n3, r.n4, r.n5]);
    sheet.addRow([
      year,
      r.region,
      r.municipality,
      r.code,
      r.name,
      r.grade,
      SUBJECT_NAMES_RU[r.subject as Subject],
      r.participants,
      ...marks.map((c) => percent(c, r.participants)),
    ]);
  }
  await workbook.xlsx.writeFile(join(out, `vpr-${year}-${region}.xlsx`));

  const oge = await pool.query(
    `select s.code, r.subject, r.participants, r.n2, r.n3, r.n4, r.n5, r.mean_primary from oge_result r ${IN_REGION} and r.year = $2 order by s.code, r.subject`,
    [region, last],
  );
  let ogeText = csvLine(
    ['Год', 'Логин', 'Предмет', 'Кол-во участников', '2', '3', '4', '5', 'Средний первичный балл'],
    ';',
  );
  for (const r of oge.rows) {
    const marks = shift(`${r.code}${r.subject}`, [r.n2, r.n3, r.n4, r.n5]);
    const mean =
      r.mean_primary === null ? null : String(Math.round(r.mean_primary * 10) / 10).replace('.', ',');
    ogeText += csvLine(
      [year, r.code, SUBJECT_NAMES_RU[r.subject as Subject], r.participants, ...marks, mean],
      ';',
    );
  }
  await writeFile(join(out, `oge-${year}-${region}.csv`), encodeCp1251(ogeText));

  const ege = await pool.query(
    `select s.code, r.subject, r.participants, r.below_min, r.mean_score from ege_result r ${IN_REGION} and r.year = $2 order by s.code, r.subject`,
    [region, last],
  );
  let egeText = csvLine(
    [
      'Год',
      'Логин',
      'Предмет',
      'Кол-во участников',
      'Не преодолели минимальный порог',
      'Средний тестовый балл',
    ],
    ',',
  );
  for (const r of ege.rows) {
    egeText += csvLine(
      [
        year,
        r.code,
        SUBJECT_NAMES_RU[r.subject as Subject],
        r.participants,
        r.below_min,
        r.mean_score === null ? null : Math.round(r.mean_score * 10) / 10,
      ],
      ',',
    );
  }
  await writeFile(join(out, `ege-${year}-${region}.csv`), egeText);

  const indicators = await pool.query(
    `select s.code, r.code as indicator, r.value from indicator_value r ${IN_REGION} and r.year = $2 order by s.code, r.code`,
    [region, last],
  );
  let indicatorText = csvLine(['Год', 'Логин', 'Показатель', 'Значение'], ';');
  for (const r of indicators.rows)
    indicatorText += csvLine([year, r.code, r.indicator, String(r.value).replace('.', ',')], ';');
  await writeFile(join(out, `indicators-${year}-${region}.csv`), indicatorText);

  console.log(
    `${out}/: vpr-${year}-${region}.xlsx (${vpr.rowCount} rows), oge-${year}-${region}.csv (${oge.rowCount}, Windows-1251), ege-${year}-${region}.csv (${ege.rowCount}), indicators-${year}-${region}.csv (${indicators.rowCount})`,
  );
}

try {
  await main();
} catch (error) {
  exitOnOperatorError('samples', error);
} finally {
  await pool.end();
}
