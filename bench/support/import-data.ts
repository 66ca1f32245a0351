import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { finished } from 'node:stream/promises';
import type pg from 'pg';
import { fromPgClient } from '../../db/queryable.js';
import { refreshAfterWrite } from '../../analytics/sql/refresh.js';
import { copyRows } from '../../db/copy.js';
import { generateCountry } from '../../seeds/generate.js';

/** Data for the import benchmark: the national registry only, and generated ВПР files for new years. */

const REGISTRY_TABLES = new Set(['region', 'municipality', 'school', 'ege_minimum']);

/** The 40 000 schools of the national seed without their results (seconds instead of minutes). */
export async function loadNationalRegistry(client: pg.Client): Promise<void> {
  const country = generateCountry({ scale: 'national' });
  await client.query('begin');
  for (const table of country.tables) {
    if (REGISTRY_TABLES.has(table.name)) await copyRows(client, table.name, table.columns, table.rows());
  }
  for (const table of ['region', 'municipality', 'school']) {
    await client.query(`select setval(pg_get_serial_sequence($1, 'id'), (select max(id) from ${table}))`, [
      table,
    ]);
  }
  await refreshAfterWrite(fromPgClient(client));
  await client.query('commit');
}

export interface BenchSchool {
  id: number;
  code: string;
  name: string;
  municipality: string;
  region: string;
}

export async function benchSchools(client: pg.Client): Promise<BenchSchool[]> {
  const { rows } = await client.query<BenchSchool>(
    `select s.id, s.code, s.name, m.name as municipality, g.name as region
     from school s join municipality m on m.id = s.municipality_id join region g on g.id = m.region_id order by s.id`,
  );
  return rows;
}

const GRADES = [4, 5, 6, 7, 8, 10, 11];
const SUBJECTS: Record<number, string[]> = {
  4: ['Русский язык', 'Математика', 'Окружающий мир'],
  5: ['Русский язык', 'Математика', 'История', 'Биология'],
  6: ['Русский язык', 'Математика', 'История', 'Биология', 'География', 'Обществознание'],
  7: [
    'Русский язык',
    'Математика',
    'Математика (углублённый уровень)',
    'История',
    'Физика',
    'Английский язык',
  ],
  8: ['Русский язык', 'Математика', 'История', 'Биология', 'Физика', 'Химия'],
  10: ['География'],
  11: ['История', 'Биология', 'Физика', 'Химия'],
};
const SUBJECT_CODES: Record<string, string> = {
  'Русский язык': 'RU',
  Математика: 'MA',
  'Математика (углублённый уровень)': 'MAA',
  'Окружающий мир': 'OM',
  История: 'HI',
  Биология: 'BI',
  География: 'GE',
  Обществознание: 'SO',
  Физика: 'PH',
  Химия: 'CH',
  'Английский язык': 'EN',
};

/** Quoted only when needed, as spreadsheet programs write CSV. */
function csvField(text: string): string {
  return /[;"\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A small deterministic generator (mulberry32), so every run imports the same file. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface GeneratedFiles {
  rows: number;
  csvBytes: number;
}

/**
 * Writes the ВПР rows of `years` as an export CSV (`;`, UTF-8, with the school's name and places as
 * extra, ignored columns when `wide`) and, when `copyFile` is given, the same rows in the table's
 * COPY text form (what psql \copy gets).
 */
export async function writeVprFiles(
  schools: readonly BenchSchool[],
  years: readonly number[],
  csvFile: string,
  copyFile: string | null,
  wide: boolean,
): Promise<GeneratedFiles> {
  const next = random(years[0] ?? 1);
  const csv = createWriteStream(csvFile);
  const copy = copyFile ? createWriteStream(copyFile) : null;
  const extra = wide ? ';Регион;Муниципалитет;ОО;Комментарий' : '';
  let csvText = `Год;Логин;Класс;Предмет;Кол-во участников;2;3;4;5${extra}\n`;
  let copyText = '';
  let rows = 0;
  let csvBytes = 0;
  const flush = async (force: boolean) => {
    if (!force && csvText.length < 1 << 20) return;
    csvBytes += Buffer.byteLength(csvText);
    if (!csv.write(csvText)) await once(csv, 'drain');
    if (copy && !copy.write(copyText)) await once(copy, 'drain');
    csvText = '';
    copyText = '';
  };
  for (const year of years) {
    for (const school of schools) {
      for (const grade of GRADES) {
        for (const subject of SUBJECTS[grade] ?? []) {
          const n = 5 + Math.floor(next() * 90);
          const n2 = Math.floor(n * next() * 0.3);
          const n5 = Math.floor((n - n2) * next() * 0.3);
          const n3 = Math.floor((n - n2 - n5) * (0.4 + next() * 0.4));
          const n4 = n - n2 - n3 - n5;
          const wideText = wide
            ? `;${school.region};${school.municipality};${csvField(school.name)};проверено, без замечаний`
            : '';
          csvText += `${year};${school.code};${grade};${subject};${n};${n2};${n3};${n4};${n5}${wideText}\n`;
          if (copy) {
            copyText += `${school.id}\t${year}\t${grade}\t${SUBJECT_CODES[subject]}\t${n}\t${n2}\t${n3}\t${n4}\t${n5}\t\\N\t\\N\t\\N\t\\N\t\\N\n`;
          }
          rows++;
        }
      }
      await flush(false);
    }
  }
  await flush(true);
  await Promise.all([finished(csv.end()), copy ? finished(copy.end()) : null]);
  return { rows, csvBytes };
}
