import pg from 'pg';
import { mintToken } from '../api/auth/tokens.js';
import { startServer } from '../api/server.js';
import { loadConfig } from '../config/settings.js';
import { SUPPORT_IMPORT_KINDS, type SupportImportKind } from '../ingest/formats/types.js';
import { migrate } from '../schema/migrate.js';
import { loadSeed } from '../seeds/load.js';
import { serverUrl, withDatabase } from './support/databases.js';

/**
 * `npm run bench:support-import`: the bulk imports of the support lists (issue 12 item 5) on the
 * demo country (1 000 schools, 30 municipalities) — a file of every kind, generated here with a
 * municipality's year in mind (a roadmap of 23 activities per municipality, written in SQL; a
 * curator and a partner per school; documents, diagnostics, reports and events of the autumn), each
 * uploaded over HTTP as the ministry, then again (every row unchanged). Prints rows, milliseconds
 * and rows per second of both. A database of its own, `shnor_bench_support_import` on
 * DATABASE_URL's server, created and dropped (BENCH_KEEP=1 keeps it).
 */
const SECRET = 'bench-support-import-secret-not-for-production';
const DATABASE = 'shnor_bench_support_import';

interface School {
  id: number;
  code: string;
  municipality_id: number;
  region_code: string;
}

const csv = (header: string[], rows: (string | number)[][]) =>
  [header, ...rows].map((r) => r.join(';')).join('\n') + '\n';
const day = (i: number) =>
  `${String(1 + (i % 28)).padStart(2, '0')}.${String(9 + (i % 3)).padStart(2, '0')}.2026`;

function files(schools: School[], roadmaps: Map<number, string>): Record<SupportImportKind, string> {
  const municipalities = [...roadmaps.keys()];
  const sameRegion = (s: School, k: number) =>
    schools.filter((p) => p.region_code === s.region_code && p.id !== s.id)[k] as School;
  const reportable = Array.from({ length: 13 }, (_, i) => `${i + 11}.`);
  return {
    orders: csv(
      ['Номер', 'Дата', 'Издатель', 'Муниципалитет', 'Наименование'],
      municipalities.flatMap((m) =>
        Array.from({ length: 10 }, (_, k) => [
          `01-10/${100 + k}`,
          day(k),
          'Отдел образования',
          m,
          `Приказ ${k + 1}`,
        ]),
      ),
    ),
    assignments: csv(
      ['Вид', 'ФИО', 'Ключ', 'Муниципалитет', 'Код ОО', 'Дата начала'],
      [
        ...municipalities.map((m) => [
          'координатор',
          `Координатор ${m}`,
          `coordinator-${m}`,
          m,
          '',
          '01.09.2026',
        ]),
        ...schools.map((s, i) => [
          'куратор',
          `Куратор ${i % 300}`,
          `curator-${i % 300}`,
          '',
          s.code,
          '01.09.2026',
        ]),
      ],
    ),
    partnerships: csv(
      ['Школа', 'Школа-партнёр', 'Дата начала'],
      schools.map((s, i) => [s.code, sameRegion(s, i % 50).code, '15.09.2026']),
    ),
    documents: csv(
      [
        'Код ОО',
        'Год списка',
        'Вид документа',
        'Фактор риска',
        'Наименование',
        'Дата',
        'Статус',
        'Комментарий',
      ],
      schools.flatMap((s) => [
        [s.code, 2026, 'Концепция развития', '', 'Концепция', '01.10.2026', 'черновик', ''],
        [s.code, 2026, 'Концепция развития', '', 'Концепция', '05.10.2026', 'представлен', ''],
        [s.code, 2026, 'Концепция развития', '', 'Концепция', '12.10.2026', 'согласован', ''],
        [s.code, 2026, 'Программа антирисковых мер', 'R3', 'Программа R3', '03.10.2026', 'черновик', ''],
        [s.code, 2026, 'Программа антирисковых мер', 'R3', 'Программа R3', '08.10.2026', 'представлен', ''],
        [
          s.code,
          2026,
          'Программа антирисковых мер',
          'R3',
          'Программа R3',
          '15.10.2026',
          'на доработку',
          'Нет мер',
        ],
      ]),
    ),
    'activity-statuses': csv(
      ['Дорожная карта', '№', 'Дата', 'Статус'],
      [...roadmaps.values()].flatMap((roadmap) =>
        Array.from({ length: 23 }, (_, a) => [
          [roadmap, `${a + 1}.`, '20.09.2026', 'в работе'],
          [roadmap, `${a + 1}.`, '20.11.2026', 'выполнено'],
        ]).flat(),
      ),
    ),
    'activity-reports': csv(
      ['Дорожная карта', '№', 'Код ОО', 'Дата', 'Статус', 'Ссылка'],
      schools.flatMap((s) =>
        reportable.map((n, k) => [
          roadmaps.get(s.municipality_id) as string,
          n,
          s.code,
          day(k),
          'выполнено',
          `https://${s.code}.example/report-${k}`,
        ]),
      ),
    ),
    diagnostics: csv(
      ['Код ОО', 'Класс', 'Предмет', 'Этап', 'Дата', 'Кол-во участников', '2', '3', '4', '5'],
      schools.flatMap((s, i) =>
        [4, 5, 6, 7, 8].flatMap((grade) =>
          ['RU', 'MA'].flatMap((subject) =>
            [
              ['входной', '15.09.2026'],
              ['промежуточный', '20.11.2026'],
              ['итоговый', '25.11.2026'],
            ].map(([stage, date]) => {
              const n2 = (i + grade) % 5;
              return [s.code, grade, subject, stage as string, date as string, 20, n2, 8, 12 - n2, 0];
            }),
          ),
        ),
      ),
    ),
    events: csv(
      ['Вид', 'Дата', 'Уровень', 'Муниципалитет', 'Тема', 'Кол-во участников', 'Школы'],
      municipalities.flatMap((m) => {
        const own = schools.filter((s) => s.municipality_id === m);
        return Array.from({ length: 50 }, (_, k) => [
          k % 2 ? 'вебинар' : 'семинар',
          day(k),
          'муниципальный',
          m,
          `Тема ${k + 1}`,
          10 + k,
          own
            .slice(k % Math.max(1, own.length - 5), (k % Math.max(1, own.length - 5)) + 5)
            .map((s) => s.code)
            .join(' '),
        ]);
      }),
    ),
  };
}

const admin = new pg.Client({ connectionString: withDatabase(serverUrl(), 'postgres') });
await admin.connect();
await admin.query(`drop database if exists ${DATABASE} with (force)`);
await admin.query(`create database ${DATABASE}`);
const url = withDatabase(serverUrl(), DATABASE);
const pool = new pg.Pool({ connectionString: url, max: 2 });
let stop: (() => Promise<void>) | undefined;
try {
  await migrate(url);
  await loadSeed(pool, { scale: 'demo' });
  const schools = (
    await pool.query<School>(
      `select s.id, s.code, s.municipality_id, r.code as region_code from school s
       join municipality m on m.id = s.municipality_id join region r on r.id = m.region_id order by s.id`,
    )
  ).rows;
  // A roadmap of 23 activities per municipality (activities 11–23 need school reports, as in seed 001).
  const roadmaps = new Map<number, string>();
  for (const { id, region_id } of (
    await pool.query<{ id: number; region_id: number }>(`select id, region_id from municipality order by id`)
  ).rows) {
    const [roadmap] = (
      await pool.query<{ id: string }>(
        `insert into roadmap (level, region_id, municipality_id, list_year, period_start, period_end)
         values ('MUNICIPALITY', $1, $2, 2026, '2026-09-01', '2027-08-31') returning id::text`,
        [region_id, id],
      )
    ).rows;
    await pool.query(
      `insert into activity (roadmap_id, ordinal, number, title, deadline_kind, requires_school_report)
       select $1, a, a || '.', 'Мероприятие ' || a, 'NO_DUE', a >= 11 from generate_series(1, 23) a`,
      [roadmap!.id],
    );
    roadmaps.set(id, roadmap!.id);
  }
  const config = loadConfig({
    NODE_ENV: 'production',
    AUTH_JWT_SECRET: SECRET,
    PORT: '0',
    RATE_LIMIT_PER_MINUTE: '0',
  });
  const server = await startServer(url, config);
  stop = () => server.close();
  const token = await mintToken(SECRET, { role: 'MINISTRY', sub: 'bench' });
  const upload = async (kind: string, text: string) => {
    const form = new FormData();
    form.append('file', new Blob([text]), `${kind}.csv`);
    const t0 = performance.now();
    const response = await fetch(`${server.url}/import/${kind}`, {
      method: 'POST',
      body: form,
      headers: { authorization: `Bearer ${token}`, 'apollo-require-preflight': 'true' },
    });
    const report = (await response.json()) as {
      status: string;
      rows: number;
      inserted: number;
      updated: number;
      unchanged: number;
      errors: unknown[];
    };
    const ms = performance.now() - t0;
    if (report.status !== 'ACCEPTED')
      throw new Error(`${kind}: ${JSON.stringify(report.errors.slice(0, 3))}`);
    return { ms, report };
  };
  const generated = files(schools, roadmaps);
  const table: string[] = [];
  for (const kind of SUPPORT_IMPORT_KINDS) {
    const text = generated[kind];
    const first = await upload(kind, text);
    const again = await upload(kind, text);
    if (again.report.unchanged !== again.report.rows)
      throw new Error(`${kind}: again, not every row unchanged`);
    const rate = (ms: number) =>
      Math.round(first.report.rows / (ms / 1000))
        .toLocaleString('en')
        .replace(/,/g, ' ');
    table.push(
      `| \`${kind}\` | ${first.report.rows} | ${(text.length / 1024).toFixed(0)} KB | ${first.ms.toFixed(0)} | ${rate(first.ms)} | ${again.ms.toFixed(0)} | ${rate(again.ms)} |`,
    );
  }
  console.log(
    `bench:support-import: demo country (${schools.length} schools, ${roadmaps.size} municipalities with a roadmap of 23 activities)\n`,
  );
  console.log(
    `| kind | rows | file | first import ms | rows/s | again (unchanged) ms | rows/s |\n|---|---:|---:|---:|---:|---:|---:|\n${table.join('\n')}`,
  );
} finally {
  await stop?.();
  await pool.end();
  if (process.env.BENCH_KEEP !== '1') await admin.query(`drop database if exists ${DATABASE} with (force)`);
  await admin.end();
}
