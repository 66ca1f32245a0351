import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type ExcelJS from 'exceljs';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mintToken } from '../../api/auth/tokens.js';
import { type RunningServer } from '../../api/server.js';
import { byHeader, parseCsv } from '../support/csv.js';
import { createFreshDatabase, type FreshDatabase } from '../support/fresh-database.js';
import { startTestServerOn } from '../support/server.js';
import { dispositionNames, firstSheet } from '../support/xlsx.js';

/**
 * Issue 12 item 8: the roadmap in the table of its approving order (seed 001) with each activity's
 * status as of a date, and the order's appendices — the ШНОР list, the working group, the network
 * partnerships — as XLSX with print setup and as HTML pages to print. Every cell is compared with
 * the API's own answer to the same viewer; a viewer of another region gets nothing.
 */
const SECRET = 'export-support-secret-of-at-least-32-bytes';
const TEXT = readFileSync(join(import.meta.dirname, '../fixtures/roadmap/001_895a1ffee6e9f536.txt'), 'utf8');

let fresh: FreshDatabase;
let server: RunningServer;
let db: pg.Pool;
let home: { id: number; name: string };
const tokens: Record<string, string> = {};
let roadmapId = '';
let orderId = '';
const activityIds: Record<number, string> = {};

async function ask<T = Record<string, any>>( // eslint-disable-line @typescript-eslint/no-explicit-any
  token: string,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<T> {
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: unknown[] };
  if (body.errors?.length || !body.data) throw new Error(`GraphQL errors: ${JSON.stringify(body.errors)}`);
  return body.data;
}

async function download(token: string, path: string) {
  const response = await fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
  return { response, bytes: Buffer.from(await response.arrayBuffer()) };
}

async function xlsx(token: string, path: string) {
  const { response, bytes } = await download(token, path);
  expect(response.status, `${path}: ${bytes.toString('utf8').slice(0, 300)}`).toBe(200);
  return { response, sheet: await firstSheet(bytes) };
}

/** The row holding the table's header (below the title block), by its first cell. */
function headerRowOf(sheet: ExcelJS.Worksheet): number {
  for (let r = 1; r <= 20; r += 1) if (sheet.getRow(r).getCell(1).value === '№ п/п') return r;
  throw new Error('no table header');
}

function rowValues(sheet: ExcelJS.Worksheet, r: number, columns: number): unknown[] {
  return Array.from({ length: columns }, (_, i) => sheet.getRow(r).getCell(i + 1).value);
}

/** Texts of the title block, top to bottom: each merged block once. */
function titleBlock(sheet: ExcelJS.Worksheet, header: number): string[] {
  const texts: string[] = [];
  for (let r = 1; r < header; r += 1) {
    const seen = new Set<string>();
    sheet.getRow(r).eachCell((cell) => {
      if (cell.value) seen.add(String(cell.value));
    });
    texts.push(...seen);
  }
  return texts;
}

function expectPrintSetup(sheet: ExcelJS.Worksheet, header: number, orientation: 'landscape' | 'portrait') {
  expect(sheet.pageSetup).toMatchObject({
    orientation,
    paperSize: 9,
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    printTitlesRow: `${header}:${header}`,
  });
  expect(sheet.headerFooter.oddHeader).toMatch(/^&L&B\S/);
  expect(sheet.headerFooter.oddFooter).toContain('Стр. &P из &N');
  expect(sheet.headerFooter.oddFooter).toMatch(/Сформировано \d\d\.\d\d\.\d{4} \d\d:\d\d \(UTC\+05:00\)/);
  expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: header });
  expect(sheet.getRow(header).getCell(1).font?.bold).toBe(true);
}

const decode = (html: string) =>
  html
    .replace(/<[^>]+>/g, '')
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCharCode(Number(n)))
    .trim();

/** The table of a printed page: header cells and body rows, entities undone. */
function htmlTable(html: string): { header: string[]; rows: string[][] } {
  const cells = (row: string, tag: string) =>
    [...row.matchAll(new RegExp(`<${tag}[^>]*>([\\s\\S]*?)</${tag}>`, 'g'))].map((m) => decode(m[1]!));
  const thead = /<thead>([\s\S]*?)<\/thead>/.exec(html)?.[1] ?? '';
  const tbody = /<tbody>([\s\S]*?)<\/tbody>/.exec(html)?.[1] ?? '';
  return {
    header: cells(thead, 'th'),
    rows: [...tbody.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((m) => cells(m[1]!, 'td')),
  };
}

async function html(token: string, path: string) {
  const { response, bytes } = await download(token, path);
  expect(response.status, path).toBe(200);
  const text = bytes.toString('utf8');
  expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
  const csp = response.headers.get('content-security-policy') ?? '';
  expect(csp).toMatch(/^default-src 'none'; style-src 'sha256-[A-Za-z0-9+/=]+'; /);
  // no script, no external resource: one inline stylesheet, allowed by its hash
  expect(text).not.toMatch(/<script|<link|<img|<iframe|src=|href=|url\(|@import/i);
  expect(text).toMatch(/^<!doctype html>\n<html lang="ru">/);
  const style = /<style>([\s\S]*?)<\/style>/.exec(text)?.[1] ?? '';
  const { createHash } = await import('node:crypto');
  expect(csp).toContain(`'sha256-${createHash('sha256').update(style).digest('base64')}'`);
  expect(style).toMatch(/@page \{\n {2}size: A4 (landscape|portrait);/);
  expect(style).toContain('counter(page)');
  expect(style).toContain('counter(pages)');
  return { text, style, table: htmlTable(text) };
}

beforeAll(async () => {
  fresh = await createFreshDatabase({ seed: 'demo' });
  server = await startTestServerOn(fresh.url, { AUTH_DEV_MODE: '0', AUTH_JWT_SECRET: SECRET });
  db = new pg.Pool({ connectionString: fresh.url, max: 2 });
  const { rows } = await db.query<{ id: number; name: string }>(
    `select m.id, m.name from municipality m join region g on g.id = m.region_id
     where g.code = '56' and exists (select 1 from school s where s.municipality_id = m.id)
     order by m.id limit 1`,
  );
  home = rows[0]!;
  tokens.ministry = await mintToken(SECRET, { role: 'MINISTRY', sub: 'ministry' });
  tokens.home = await mintToken(SECRET, { role: 'MUNICIPAL_ANALYST', municipality: home.id, sub: 'home' });
  tokens.region56 = await mintToken(SECRET, { role: 'REGION_ANALYST', region: '56', sub: 'r56' });
  tokens.region23 = await mintToken(SECRET, { role: 'REGION_ANALYST', region: '23', sub: 'r23' });

  const imported = (
    await ask(
      tokens.home!,
      `mutation Import($input: RoadmapImportInput!) { importRoadmap(input: $input) { roadmap { id activities { id ordinal } } } }`,
      {
        input: {
          text: TEXT,
          level: 'MUNICIPALITY',
          regionCode: '56',
          municipality: String(home.id),
          listYear: 2020,
          orderNumber: '01-10/142-2',
          orderDate: '2020-09-10',
        },
      },
    )
  ).importRoadmap.roadmap as { id: string; activities: { id: string; ordinal: number }[] };
  roadmapId = imported.id;
  for (const a of imported.activities) activityIds[a.ordinal] = a.id;
  const record = (ordinal: number, date: string, status: string) =>
    ask(
      tokens.home!,
      `mutation ($a: ID!, $d: Date!, $s: ActivityRecordStatus!) { recordActivityStatus(activityId: $a, date: $d, status: $s) { id } }`,
      { a: activityIds[ordinal], d: date, s: status },
    );
  // as of 2020-10-15: 1 DONE (before its due 30 Sep), 2 OVERDUE (no record, due 30 Sep),
  // 3 IN_PROGRESS (due 31 Oct), 18 PLANNED (no due date)
  await record(1, '2020-09-20', 'DONE');
  await record(3, '2020-09-15', 'IN_PROGRESS');
  const orders = (await ask(tokens.home!, `{ supportOrders(first: 50) { nodes { id number } } }`))
    .supportOrders.nodes as { id: string; number: string }[];
  orderId = orders.find((o) => o.number === '01-10/142-2')!.id;
}, 180_000);

afterAll(async () => {
  await server?.close();
  await db?.end();
  await fresh?.drop();
});

const STATUS_RU: Record<string, string> = {
  PLANNED: 'Запланировано',
  IN_PROGRESS: 'Выполняется',
  DONE: 'Выполнено',
  OVERDUE: 'Просрочено',
};

interface Activity {
  ordinal: number;
  number: string;
  title: string;
  deadlineText: string;
  executorsText: string;
  expectedResult: string | null;
  status: string;
}

async function activitiesAsOf(asOf: string | null): Promise<Activity[]> {
  return (
    await ask(
      tokens.home!,
      `query ($id: ID!, $asOf: Date) { roadmap(id: $id) { activities { ordinal number title deadlineText executorsText expectedResult status(asOf: $asOf) } } }`,
      { id: roadmapId, asOf },
    )
  ).roadmap.activities as Activity[];
}

const ROADMAP_HEADER = [
  '№ п/п',
  'Наименование мероприятия',
  'Сроки исполнения',
  'Ответственные исполнители',
  'Ожидаемый результат',
  'Статус',
];

describe('roadmap.xlsx: the table of the approving order, with statuses as of a date', () => {
  it('title block, every cell of every activity as the API answers it, print setup', async () => {
    const api = await activitiesAsOf('2020-10-15');
    const { response, sheet } = await xlsx(
      tokens.home!,
      `/export/roadmap.xlsx?id=${roadmapId}&asOf=2020-10-15`,
    );
    expect(dispositionNames(response.headers.get('content-disposition'))).toEqual({
      ascii: `roadmap-${roadmapId}-2020-56-as-of-2020-10-15.xlsx`,
      russian: `Дорожная карта ${home.name} 2020 на 15.10.2020.xlsx`,
    });
    const header = headerRowOf(sheet);
    expect(rowValues(sheet, header, 6)).toEqual(ROADMAP_HEADER);
    const block = titleBlock(sheet, header);
    expect(block[0]).toMatch(/^Приложение к приказу от 10\.09\.2020 № 01-10\/142-2/);
    expect(block).toContain(
      `План мероприятий (дорожная карта) по оказанию методической помощи образовательным организациям, показывающим низкие образовательные результаты: ${home.name}, Оренбургская область`,
    );
    expect(block).toContain('Список ШНОР 2020 года; период реализации: 01.09.2020 — 31.12.2021');
    expect(block).toContain('Утверждён: приказ от 10.09.2020 № 01-10/142-2');
    expect(block).toContain('Статус мероприятий на 15.10.2020');

    expect(api).toHaveLength(23);
    api.forEach((a, i) => {
      expect(rowValues(sheet, header + 1 + i, 6), `activity ${a.number}`).toEqual([
        a.number,
        a.title,
        a.deadlineText,
        a.executorsText,
        a.expectedResult,
        STATUS_RU[a.status],
      ]);
    });
    expect(sheet.getRow(header + 24).getCell(1).value).toBeNull();
    const byOrdinal = (n: number) => sheet.getRow(header + n).getCell(6).value;
    expect([byOrdinal(1), byOrdinal(2), byOrdinal(3), byOrdinal(18)]).toEqual([
      'Выполнено',
      'Просрочено',
      'Выполняется',
      'Запланировано',
    ]);
    // as written: «1.» and «23» stay text
    expect(sheet.getRow(header + 1).getCell(1).value).toBe('1.');
    expect(sheet.getRow(header + 23).getCell(1).value).toBe('23');
    expect(sheet.getRow(header + 1).getCell(1).numFmt).toBe('@');

    expectPrintSetup(sheet, header, 'landscape');
    expect(sheet.getColumn(2).width).toBeGreaterThanOrEqual(40);
    expect(sheet.getColumn(5).width).toBeGreaterThanOrEqual(30);
    expect(sheet.getRow(header + 8).getCell(2).alignment?.wrapText).toBe(true);
    expect(sheet.getRow(header + 8).height).toBeGreaterThan(15); // activity 8's long text: several lines
  });

  it('without asOf: today on the region’s clock, the API’s default', async () => {
    const api = await activitiesAsOf(null);
    const { sheet } = await xlsx(tokens.home!, `/export/roadmap.xlsx?id=${roadmapId}`);
    const header = headerRowOf(sheet);
    const today = new Intl.DateTimeFormat('ru-RU', { timeZone: 'Asia/Yekaterinburg' }).format(new Date());
    expect(titleBlock(sheet, header)).toContain(`Статус мероприятий на ${today}`);
    expect(api.map((_, i) => sheet.getRow(header + 1 + i).getCell(6).value)).toEqual(
      api.map((a) => STATUS_RU[a.status]),
    );
    expect(api[0]!.status).toBe('DONE');
    expect(api[1]!.status).toBe('OVERDUE');
  });

  it('CSV: the same table for Russian Excel', async () => {
    const api = await activitiesAsOf('2020-10-15');
    const { response, bytes } = await download(
      tokens.home!,
      `/export/roadmap.csv?id=${roadmapId}&asOf=2020-10-15`,
    );
    expect(response.status).toBe(200);
    const rows = parseCsv(bytes);
    expect(rows[0]).toEqual(ROADMAP_HEADER);
    const table = byHeader(rows);
    expect(table.map((r) => r['Наименование мероприятия'])).toEqual(api.map((a) => a.title));
    expect(table.map((r) => r['Статус'])).toEqual(api.map((a) => STATUS_RU[a.status]));
    expect(table.map((r) => r['Сроки исполнения'])).toEqual(api.map((a) => a.deadlineText));
  });

  it('HTML: the same table, the order in the running header', async () => {
    const api = await activitiesAsOf('2020-10-15');
    const { text, style, table } = await html(
      tokens.home!,
      `/export/roadmap.html?id=${roadmapId}&asOf=2020-10-15`,
    );
    expect(table.header).toEqual(ROADMAP_HEADER);
    expect(table.rows).toEqual(
      api.map((a) => [
        a.number,
        a.title,
        a.deadlineText,
        a.executorsText,
        a.expectedResult ?? '',
        STATUS_RU[a.status],
      ]),
    );
    expect(style).toContain('size: A4 landscape');
    expect(style).toMatch(/@top-left \{ content: "Приложение к приказу от 10\.09\.2020 № 01-10\/142-2"/);
    expect(decode(/<p class="annex">([\s\S]*?)<\/p>/.exec(text)![1]!)).toMatch(
      /^Приложение к приказу от 10\.09\.2020 № 01-10\/142-2/,
    );
  });

  it('an order number with markup stays text: no element, no CSS breaks out of the stylesheet', async () => {
    const number = '7"; } body { display: none } </style><script>alert(1)</script>';
    const other = (
      await ask(
        tokens.home!,
        `mutation Import($input: RoadmapImportInput!) { importRoadmap(input: $input) { roadmap { id } } }`,
        {
          input: {
            text: TEXT,
            level: 'MUNICIPALITY',
            regionCode: '56',
            municipality: String(home.id),
            listYear: 2021,
            orderNumber: number,
            orderDate: '2021-09-01',
          },
        },
      )
    ).importRoadmap.roadmap.id as string;
    const { text, style } = await html(tokens.home!, `/export/roadmap.html?id=${other}&asOf=2021-10-01`);
    expect(style).not.toContain('</style');
    expect(style).not.toContain('body { display');
    expect(style).toContain('№ 7\\22 '); // the quote escaped: the number stays inside its CSS string
    expect(decode(/<p class="annex">([\s\S]*?)<\/p>/.exec(text)![1]!)).toContain(`№ ${number}`);
  });

  it('refuses a bad date and an unknown parameter; another region’s viewer finds no roadmap', async () => {
    const bad = await download(tokens.home!, `/export/roadmap.xlsx?id=${roadmapId}&asOf=15.10.2020`);
    expect(bad.response.status).toBe(400);
    expect(JSON.parse(bad.bytes.toString()).errors[0].extensions).toMatchObject({ argument: 'asOf' });
    const unknown = await download(tokens.home!, `/export/roadmap.xlsx?id=${roadmapId}&year=2020`);
    expect(unknown.response.status).toBe(400);
    for (const format of ['xlsx', 'html', 'csv']) {
      const other = await download(tokens.region23!, `/export/roadmap.${format}?id=${roadmapId}`);
      expect(other.response.status, format).toBe(404);
      expect(JSON.parse(other.bytes.toString()).errors[0].extensions).toMatchObject({
        code: 'NOT_FOUND',
        argument: 'id',
      });
    }
  });

  it('is written to the audit log', async () => {
    const { rows } = await db.query(
      `select actor, action, target from audit_log where action = 'export' and target like 'roadmap.%' order by id limit 1`,
    );
    expect(rows).toEqual([{ actor: 'home', action: 'export', target: 'roadmap.xlsx' }]);
  });
});

describe('the order’s appendices', () => {
  let listId = '';
  let groupId = '';
  interface Entry {
    schoolName: string;
    school: { municipality: { id: string; name: string } } | null;
  }
  let entries: Entry[] = [];

  beforeAll(async () => {
    listId = (
      await ask(tokens.region56!, 'mutation { createShnorList(year: 2026, regionCode: "56") { id } }')
    ).createShnorList.id as string;
  }, 120_000);

  it('ШНОР list: a draft is refused; approved, the included schools numbered, as the API lists them', async () => {
    const draft = await download(tokens.region56!, `/export/appendix-shnor-list.xlsx?listId=${listId}`);
    expect(draft.response.status).toBe(409);
    expect(JSON.parse(draft.bytes.toString()).errors[0].extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'LIST_NOT_APPROVED',
    });
    await ask(tokens.region56!, `mutation { approveShnorList(listId: "${listId}") { status } }`);
    entries = (
      await ask(
        tokens.region56!,
        `{ shnorList(id: "${listId}") { entries(included: true, first: 500) { nodes { schoolName school { municipality { id name } } } } } }`,
      )
    ).shnorList.entries.nodes as Entry[];
    expect(entries.length).toBeGreaterThan(3);
    const expected = entries.map((e, i) => [i + 1, e.schoolName, e.school?.municipality.name]);

    const { response, sheet } = await xlsx(
      tokens.region56!,
      `/export/appendix-shnor-list.xlsx?listId=${listId}`,
    );
    expect(dispositionNames(response.headers.get('content-disposition')).ascii).toBe(
      `appendix-shnor-list-2026-56-list-${listId}.xlsx`,
    );
    const header = headerRowOf(sheet);
    expect(rowValues(sheet, header, 3)).toEqual(['№ п/п', 'Образовательная организация', 'Муниципалитет']);
    expect(expected.map((_, i) => rowValues(sheet, header + 1 + i, 3))).toEqual(expected);
    expect(titleBlock(sheet, header)[0]).toBe(
      'Список образовательных организаций, показывающих низкие образовательные результаты, на 2026 год',
    );
    expectPrintSetup(sheet, header, 'portrait');

    const page = await html(tokens.region56!, `/export/appendix-shnor-list.html?listId=${listId}`);
    expect(page.table.header).toEqual(['№ п/п', 'Образовательная организация', 'Муниципалитет']);
    expect(page.table.rows).toEqual(expected.map((r) => r.map(String)));
    expect(page.style).toContain('size: A4 portrait');
  });

  it('ШНОР list with the order: its number and date on top, the order’s municipality only', async () => {
    const ours = entries.filter((e) => e.school?.municipality.id === String(home.id));
    const { text, table } = await html(
      tokens.ministry!,
      `/export/appendix-shnor-list.html?listId=${listId}&orderId=${orderId}`,
    );
    expect(text).toContain('Приложение к приказу от 10.09.2020 № 01-10/142-2');
    expect(table.rows).toEqual(
      ours.length ? ours.map((e, i) => [String(i + 1), e.schoolName, home.name]) : [['В списке нет школ']],
    );
  });

  it('working group: chair, deputy, secretary, members — roles in Russian, as the API answers', async () => {
    groupId = (
      await ask(
        tokens.home!,
        `mutation { createWorkingGroup(input: { name: "Рабочая группа по оказанию методической помощи ОО с НОР",
          regionCode: "56", municipalityId: "${home.id}", orderId: "${orderId}" }) { id } }`,
      )
    ).createWorkingGroup.id as string;
    const add = (fullName: string, role: string, position: string) =>
      ask(
        tokens.home!,
        `mutation ($g: ID!, $m: WorkingGroupMemberInput!) { addWorkingGroupMember(groupId: $g, member: $m) { id } }`,
        { g: groupId, m: { fullName, role, position, organisation: 'Отдел образования' } },
      );
    await add('Иванова А.А.', 'MEMBER', 'методист МКУ «ЦМТО»');
    await add('Бахмутов В.А.', 'CHAIR', 'заведующий отделом образования');
    await add('Петрова Б.Б.', 'SECRETARY', 'специалист');
    await add('Кузнецова Е.В.', 'DEPUTY_CHAIR', 'заместитель заведующего');
    await add('Сидоров В.В.', 'MEMBER', 'директор школы');
    const members = (
      await ask(
        tokens.home!,
        `{ workingGroups(first: 50) { nodes { id members { fullName position organisation role } } } }`,
      )
    ).workingGroups.nodes.find((g: { id: string }) => g.id === groupId).members as {
      fullName: string;
      position: string;
      organisation: string;
      role: string;
    }[];
    const role = (r: string) => members.filter((m) => m.role === r);
    const ordered = [...role('CHAIR'), ...role('DEPUTY_CHAIR'), ...role('SECRETARY'), ...role('MEMBER')];
    const ROLE: Record<string, string> = {
      CHAIR: 'председатель',
      DEPUTY_CHAIR: 'заместитель председателя',
      SECRETARY: 'секретарь',
      MEMBER: 'член рабочей группы',
    };
    const expected = ordered.map((m, i) => [i + 1, m.fullName, m.position, m.organisation, ROLE[m.role]]);
    expect(expected.map((r) => r[1])).toEqual([
      'Бахмутов В.А.',
      'Кузнецова Е.В.',
      'Петрова Б.Б.',
      'Иванова А.А.',
      'Сидоров В.В.',
    ]);
    const header5 = ['№ п/п', 'Ф.И.О.', 'Должность', 'Организация', 'Роль в рабочей группе'];
    const { sheet } = await xlsx(tokens.home!, `/export/appendix-working-group.xlsx?groupId=${groupId}`);
    const header = headerRowOf(sheet);
    expect(rowValues(sheet, header, 5)).toEqual(header5);
    expect(expected.map((_, i) => rowValues(sheet, header + 1 + i, 5))).toEqual(expected);
    expect(titleBlock(sheet, header)[0]).toMatch(/^Приложение к приказу от 10\.09\.2020 № 01-10\/142-2/);
    expectPrintSetup(sheet, header, 'portrait');

    const page = await html(tokens.home!, `/export/appendix-working-group.html?groupId=${groupId}`);
    expect(page.table.header).toEqual(header5);
    expect(page.table.rows).toEqual(expected.map((r) => r.map(String)));
    expect(page.text).toContain('Приложение к приказу от 10.09.2020 № 01-10/142-2');

    const other = await download(tokens.region23!, `/export/appendix-working-group.html?groupId=${groupId}`);
    expect(other.response.status).toBe(404);
  });

  it('partnerships: listed school ↔ partner with period and basis order; another region gets none', async () => {
    const { rows: schools } = await db.query<{ code: string; municipality_id: number }>(
      `select s.code, s.municipality_id from school s join municipality m on m.id = s.municipality_id
       join region g on g.id = m.region_id where g.code = '56' order by (s.municipality_id = $1) desc, s.code`,
      [home.id],
    );
    const ours = schools.filter((s) => s.municipality_id === home.id);
    const partners = schools.filter((s) => s.municipality_id !== home.id);
    const pair = (listed: string, partner: string, from: string, basis: boolean) =>
      ask(
        tokens.home!,
        `mutation { createPartnership(listedSchoolCode: "${listed}", partnerSchoolCode: "${partner}", from: "${from}"
          ${basis ? `, basisOrderId: "${orderId}"` : ''}, to: "2021-12-31") { id } }`,
      );
    await pair(ours[0]!.code, partners[0]!.code, '2020-09-10', true);
    await pair(ours[1]!.code, partners[1]!.code, '2020-09-15', true);
    await pair(ours[2]!.code, partners[2]!.code, '2020-10-01', false);
    interface P {
      from: string;
      to: string | null;
      listedSchool: { code: string; name: string; municipality: { name: string } };
      partnerSchool: { code: string; name: string };
      basisOrder: { id: string | null; number: string; date: string } | null;
    }
    const api = (
      await ask(
        tokens.home!,
        `{ partnerships(asOf: "2020-11-01", first: 500) { nodes { from to listedSchool { code name municipality { name } }
          partnerSchool { code name } basisOrder { id number date } } } }`,
      )
    ).partnerships.nodes as P[];
    expect(api).toHaveLength(3);
    const dmy = (iso: string) => iso.split('-').reverse().join('.');
    const expected = (list: P[]) =>
      list.map((p, i) => [
        i + 1,
        p.listedSchool.municipality.name,
        `${p.listedSchool.name} (${p.listedSchool.code})`,
        `${p.partnerSchool.name} (${p.partnerSchool.code})`,
        `с ${dmy(p.from)} по ${dmy(p.to!)}`,
        p.basisOrder ? `приказ от ${dmy(p.basisOrder.date)} № ${p.basisOrder.number}` : null,
      ]);
    const header6 = [
      '№ п/п',
      'Муниципалитет',
      'ОО с низкими образовательными результатами',
      'ОО-партнёр',
      'Период',
      'Основание',
    ];
    const { sheet } = await xlsx(tokens.home!, '/export/appendix-partnerships.xlsx?asOf=2020-11-01');
    const header = headerRowOf(sheet);
    expect(rowValues(sheet, header, 6)).toEqual(header6);
    expect(expected(api).map((_, i) => rowValues(sheet, header + 1 + i, 6))).toEqual(expected(api));
    expectPrintSetup(sheet, header, 'landscape');
    expect(titleBlock(sheet, header)).toContain('Действующие на 01.11.2020');

    // resting on the order: its two partnerships, its number and date on top
    const onOrder = api.filter((p) => p.basisOrder?.id === orderId);
    expect(onOrder).toHaveLength(2);
    const page = await html(
      tokens.home!,
      `/export/appendix-partnerships.html?asOf=2020-11-01&orderId=${orderId}&municipalityIds=${home.id}`,
    );
    expect(page.table.header).toEqual(header6);
    expect(page.table.rows).toEqual(expected(onOrder).map((r) => r.map(String)));
    expect(page.text).toContain('Приложение к приказу от 10.09.2020 № 01-10/142-2');

    // a viewer of another region: the API gives it no partnership, the document is empty; the order is unknown to it
    const theirs = await html(tokens.region23!, '/export/appendix-partnerships.html?asOf=2020-11-01');
    expect(theirs.table.rows).toEqual([['Действующих партнёрств нет']]);
    const { sheet: empty } = await xlsx(
      tokens.region23!,
      '/export/appendix-partnerships.xlsx?asOf=2020-11-01',
    );
    expect(empty.getRow(headerRowOf(empty) + 1).getCell(1).value).toBe('Действующих партнёрств нет');
    const order = await download(tokens.region23!, `/export/appendix-partnerships.xlsx?orderId=${orderId}`);
    expect(order.response.status).toBe(404);
    const list = await download(tokens.region23!, `/export/appendix-shnor-list.html?listId=${listId}`);
    expect(list.response.status).toBe(404);
  });
});
