import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type ExcelJS from 'exceljs';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { knexQueryable } from '../../db/knex-queryable.js';
import { Role, type Viewer } from '../../db/viewer.js';
import { importRoadmap } from '../../api/services/support/roadmap-import.service.js';
import { openDatabase } from '../../schema/database.js';
import { RoadmapLevel } from '../../schema/enums.js';
import { parseCsv } from '../support/csv.js';
import { createFreshDatabase, type FreshDatabase } from '../support/fresh-database.js';
import { firstSheet } from '../support/xlsx.js';

/**
 * `npm run export` of the printed documents (api/export/cli.ts → print/serve.ts's printAs, the
 * route's own code): the roadmap of seed 001 as XLSX, HTML and CSV, an appendix, and the CLI's
 * refusals, run as a process against a database of its own. The expected rows are SQL's.
 */
const TEXT = readFileSync(join(import.meta.dirname, '../fixtures/roadmap/001_895a1ffee6e9f536.txt'), 'utf8');

let fresh: FreshDatabase;
let db: pg.Pool;
let dir: string;
let roadmapId = '';
let municipalityId = 0;

beforeAll(async () => {
  fresh = await createFreshDatabase({ seed: 'demo' });
  db = new pg.Pool({ connectionString: fresh.url, max: 2 });
  dir = await mkdtemp(join(tmpdir(), 'shnor-export-cli-'));
  municipalityId = (
    await db.query<{ id: number }>(
      `select m.id from municipality m join region g on g.id = m.region_id
       where g.code = '56' and exists (select 1 from school s where s.municipality_id = m.id)
       order by m.id limit 1`,
    )
  ).rows[0]!.id;
  // Seed 001 imported as `npm run import -- roadmap` does it (the library, as the ministry).
  const orm = await openDatabase(fresh.url);
  try {
    const viewer: Viewer = { id: 'test', role: Role.MINISTRY, scope: { kind: 'ALL' } };
    const result = await importRoadmap(
      { viewer, db: knexQueryable(orm.em.getKnex()), em: orm.em.fork() },
      {
        text: TEXT,
        level: RoadmapLevel.MUNICIPALITY,
        regionCode: '56',
        municipality: String(municipalityId),
        listYear: 2020,
        order: { number: '01-10/142-2', date: '2020-09-10' },
      },
    );
    roadmapId = result.roadmap.id;
  } finally {
    await orm.close(true);
  }
}, 180_000);

afterAll(async () => {
  await db?.end();
  await fresh?.drop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** `npm run export -- …` as a process: exit code, standard output (bytes) and error. */
async function cli(args: string[]): Promise<{ code: number | null; stdout: Buffer; stderr: string }> {
  const child = spawn(
    process.execPath,
    ['--import', '@swc-node/register/esm-register', 'api/export/cli.ts', ...args],
    { env: { ...process.env, DATABASE_URL: fresh.url }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const stdout: Buffer[] = [];
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  return { code, stdout: Buffer.concat(stdout), stderr };
}

/** The activities as stored, in table order: what every format must list. */
async function storedActivities(): Promise<{ number: string; title: string }[]> {
  const { rows } = await db.query<{ number: string; title: string }>(
    `select number, title from activity where roadmap_id = $1 order by ordinal`,
    [roadmapId],
  );
  return rows;
}

function headerRowOf(sheet: ExcelJS.Worksheet): number {
  for (let r = 1; r <= 20; r += 1) if (sheet.getRow(r).getCell(1).value === '№ п/п') return r;
  throw new Error('no table header');
}

const decode = (html: string) =>
  html
    .replace(/<[^>]+>/g, '')
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCharCode(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_, n: string) => String.fromCharCode(parseInt(n, 16)))
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

describe('npm run export: the printed roadmap', () => {
  it('roadmap.xlsx --roadmapId … --out: the 23 activities of seed 001 under the order’s title block', async () => {
    const stored = await storedActivities();
    const { rows } = await db.query<{ n: number }>(
      `select count(*)::int as n from activity where roadmap_id = $1`,
      [roadmapId],
    );
    expect(rows[0]!.n).toBe(23);
    const out = join(dir, 'r.xlsx');
    const run = await cli(['roadmap.xlsx', '--roadmapId', roadmapId, '--asOf', '2020-10-15', '--out', out]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain(`23 rows → ${out}`);
    const sheet = await firstSheet(await readFile(out));
    const header = headerRowOf(sheet);
    expect(sheet.getRow(header).getCell(2).value).toBe('Наименование мероприятия');
    const listed: { number: string; title: string }[] = [];
    for (let r = header + 1; sheet.getRow(r).getCell(1).value !== null; r += 1)
      listed.push({
        number: String(sheet.getRow(r).getCell(1).value),
        title: String(sheet.getRow(r).getCell(2).value),
      });
    expect(listed).toHaveLength(rows[0]!.n);
    expect(listed).toEqual(stored);
    const block: string[] = [];
    for (let r = 1; r < header; r += 1)
      sheet.getRow(r).eachCell((cell) => {
        if (cell.value && !block.includes(String(cell.value))) block.push(String(cell.value));
      });
    expect(block.join('\n')).toMatch(/Приложение к приказу от 10\.09\.2020 № 01-10\/142-2/);
    expect(block.join('\n')).toContain('Статус мероприятий на 15.10.2020');
    expect(sheet.pageSetup).toMatchObject({ orientation: 'landscape', paperSize: 9 });
  });

  it('roadmap.html --id … --out: the page carries the order’s number and every activity', async () => {
    const out = join(dir, 'r.html');
    const run = await cli(['roadmap.html', '--id', roadmapId, '--out', out]);
    expect(run.code, run.stderr).toBe(0);
    const html = await readFile(out, 'utf8');
    expect(html).toMatch(/^<!doctype html>\n<html lang="ru">/);
    expect(decode(html)).toContain('№ 01-10/142-2');
    const tbody = /<tbody>([\s\S]*?)<\/tbody>/.exec(html)?.[1] ?? '';
    const numbers = [...tbody.matchAll(/<tr>\s*<td[^>]*>([\s\S]*?)<\/td>/g)].map((m) => decode(m[1]!));
    expect(numbers).toEqual((await storedActivities()).map((a) => a.number));
  });

  it('roadmap.csv without --out: the table on standard output, one line an activity', async () => {
    const run = await cli(['roadmap.csv', '--id', roadmapId, '--asOf', '2020-10-15']);
    expect(run.code, run.stderr).toBe(0);
    const [header, ...rows] = parseCsv(run.stdout);
    expect(header?.[0]).toBe('№ п/п');
    expect(rows.map((r) => [r[0]?.replace(/^\u200b/, ''), r[1]])).toEqual(
      (await storedActivities()).map((a) => [a.number, a.title]),
    );
  });

  it('recorded in the audit log as the CLI’s export', async () => {
    const { rows } = await db.query<{ actor: string; target: string; n: number }>(
      `select actor, target, count(*)::int as n from audit_log
       where action = 'export' and target like 'roadmap.%' group by actor, target order by target`,
    );
    expect(rows.map((r) => [r.target, r.n])).toEqual([
      ['roadmap.csv', 1],
      ['roadmap.html', 1],
      ['roadmap.xlsx', 1],
    ]);
    for (const r of rows) expect(r.actor).toMatch(/^cli:/);
  });
});

describe('npm run export: the appendices and the refusals', () => {
  it('appendix-partnerships.html with the route’s parameters', async () => {
    const out = join(dir, 'p.html');
    const run = await cli([
      'appendix-partnerships.html',
      '--municipalityIds',
      String(municipalityId),
      '--asOf',
      '2020-11-01',
      '--out',
      out,
    ]);
    expect(run.code, run.stderr).toBe(0);
    expect(await readFile(out, 'utf8')).toMatch(/^<!doctype html>/);
  });

  it('a missing or unknown parameter: exit 1 with the route’s errors', async () => {
    const missing = await cli(['appendix-working-group.xlsx', '--out', join(dir, 'g.xlsx')]);
    expect(missing.code).toBe(1);
    expect(JSON.parse(missing.stderr)).toEqual([
      expect.objectContaining({ extensions: { code: 'BAD_USER_INPUT', argument: 'groupId' } }),
    ]);
    const unknown = await cli(['roadmap.html', '--id', roadmapId, '--colour', 'red']);
    expect(unknown.code).toBe(1);
    expect(JSON.parse(unknown.stderr)[0]).toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', argument: 'colour' },
    });
    const absent = await cli(['roadmap.csv', '--id', '999999']);
    expect(absent.code).toBe(1);
    expect(JSON.parse(absent.stderr)[0]).toMatchObject({ extensions: { code: 'NOT_FOUND' } });
  });

  it('an unknown export: the usage names both catalogues', async () => {
    const run = await cli(['roadmaps.pdf']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('unknown export «roadmaps.pdf»');
    for (const name of [
      'candidates',
      'shnor-list',
      'roadmap',
      'appendix-shnor-list',
      'appendix-working-group',
    ])
      expect(run.stderr).toContain(name);
    expect(run.stderr).toContain('<xlsx|html|csv>');
  });
});
