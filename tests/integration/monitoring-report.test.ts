import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mintToken } from '../../api/auth/tokens.js';
import { buildDemoSupportYearAt, type DemoSupportSummary } from '../../api/demo/support-year.js';
import { type RunningServer } from '../../api/server.js';
import { loadConfig } from '../../config/settings.js';
import { closePrinter, NO_PRINTING, printHtml, PRINTING } from '../support/chromium.js';
import { createFreshDatabase, type FreshDatabase } from '../support/fresh-database.js';
import { startTestServerOn } from '../support/server.js';

/**
 * The report a municipality signs (issue 13 item 4) over real HTTP on the demo's support year: its
 * text saved and read back (who may write it, one row per place and year, every save audited),
 * the HTML and XLSX checked against the API's own executionMonitoring, and the page printed by
 * Chromium to a PDF whose text carries the order, the figures, the conclusions and page numbers.
 */
const SECRET = 'monitoring-report-test-secret-of-32-bytes';
const AS_OF = '2026-12-01';

let fresh: FreshDatabase;
let server: RunningServer;
let db: pg.Pool;
let demo: DemoSupportSummary;
let dir: string;
let orderId: string;
const municipal = () => ({ role: 'MUNICIPAL_ANALYST', municipality: demo.municipality.id });

async function token(claims: Record<string, unknown>) {
  return mintToken(SECRET, { sub: `report-test-${String(claims.role)}`, ...claims });
}

async function ask<T>(
  claims: Record<string, unknown>,
  query: string,
  variables: Record<string, unknown> = {},
) {
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${await token(claims)}` },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as { data?: T; errors?: { extensions?: Record<string, unknown> }[] };
}

const SAVE = `mutation ($input: SaveMonitoringReportInput!) { saveMonitoringReport(input: $input) {
  id conclusions recommendations order { number date } updatedBy } }`;
const CONCLUSIONS = 'Дорожная карта выполняется: часть мероприятий просрочена.\nШколы представили концепции.';
const RECOMMENDATIONS = 'Провести совещание с руководителями ОО <о сроках> & отчётах.';

async function download(path: string, claims: Record<string, unknown> = municipal()) {
  const response = await fetch(`${server.url}${path}`, {
    headers: { authorization: `Bearer ${await token(claims)}` },
  });
  return { response, bytes: Buffer.from(await response.arrayBuffer()) };
}

beforeAll(async () => {
  fresh = await createFreshDatabase({ seed: 'demo' });
  const built = await buildDemoSupportYearAt(fresh.url, loadConfig({ NODE_ENV: 'test' }));
  if (!built) throw new Error('no demo support year');
  demo = built;
  server = await startTestServerOn(fresh.url, { AUTH_DEV_MODE: '0', AUTH_JWT_SECRET: SECRET });
  db = new pg.Pool({ connectionString: fresh.url, max: 2 });
  dir = await mkdtemp(join(tmpdir(), 'monitoring-report-'));
  const { rows } = await db.query<{ id: string }>(
    `select id::text from support_order where municipality_id = $1 order by id limit 1`,
    [demo.municipality.id],
  );
  orderId = rows[0]!.id;
}, 120_000);
afterAll(async () => {
  await closePrinter();
  await server?.close();
  await db?.end();
  await fresh?.drop();
  await rm(dir, { recursive: true, force: true });
});

describe('the text kept with the report', () => {
  const input = () => ({
    year: 2026,
    municipalityId: String(demo.municipality.id),
    orderId,
    conclusions: 'черновик',
    recommendations: '',
  });

  it('the municipality writes it, saves again, reads it back; one row, every save audited', async () => {
    expect((await ask(municipal(), SAVE, { input: input() })).errors).toBeUndefined();
    const saved = await ask<{ saveMonitoringReport: { conclusions: string; order: { number: string } } }>(
      municipal(),
      SAVE,
      { input: { ...input(), conclusions: CONCLUSIONS, recommendations: RECOMMENDATIONS } },
    );
    expect(saved.errors).toBeUndefined();
    const { rows } = await db.query(
      `select conclusions, recommendations, order_id::text as "orderId" from monitoring_report`,
    );
    expect(rows).toEqual([{ conclusions: CONCLUSIONS, recommendations: RECOMMENDATIONS, orderId }]);
    const audit = await db.query(
      `select count(*)::int as n from audit_log where action = 'saveMonitoringReport'`,
    );
    expect(audit.rows[0].n).toBe(2);
    const read = await ask<{ monitoringReport: { conclusions: string } }>(
      { role: 'REGION_ANALYST', region: '56' },
      `{ monitoringReport(year: 2026, municipalityId: "${demo.municipality.id}") { conclusions } }`,
    );
    expect(read.data?.monitoringReport.conclusions).toBe(CONCLUSIONS);
  });

  it.each([
    [{ role: 'REGION_ANALYST', region: '56' }, 'FORBIDDEN'],
    [{ role: 'SCHOOL', school: 'sch560189' }, 'FORBIDDEN'],
    [{ role: 'MUNICIPAL_ANALYST', municipality: 1 }, 'FORBIDDEN'],
  ])('%j may not write it', async (claims, code) => {
    const answer = await ask(claims, SAVE, { input: input() });
    expect(answer.errors?.[0]?.extensions).toMatchObject({ code });
  });

  it('refuses a text too long and an order of another place, naming the argument', async () => {
    const long = await ask(municipal(), SAVE, { input: { ...input(), conclusions: 'а'.repeat(20_001) } });
    expect(long.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', argument: 'input.conclusions' });
    const { rows } = await db.query<{ id: string }>(
      `select id::text from support_order where municipality_id is distinct from $1 and municipality_id is not null limit 1`,
      [demo.municipality.id],
    );
    if (rows[0]) {
      const other = await ask(municipal(), SAVE, { input: { ...input(), orderId: rows[0].id } });
      expect(other.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', argument: 'input.orderId' });
    }
  });
});

describe('the report', () => {
  const path = (format: string) =>
    `/export/monitoring-report.${format}?year=2026&municipalityId=${demo.municipality.id}&asOf=${AS_OF}`;
  let monitoring: {
    activities: Record<string, number>;
    schools: { code: string; name: string; reports: { due: number; submitted: number } }[];
    submissionTracking: { school: { code: string }; activity: { number: string } }[];
  };
  beforeAll(async () => {
    const answer = await ask<{ executionMonitoring: typeof monitoring }>(
      municipal(),
      `{ executionMonitoring(year: 2026, municipalityId: "${demo.municipality.id}", asOf: "${AS_OF}") {
        activities { total DONE IN_PROGRESS PLANNED OVERDUE }
        schools { code name reports { due submitted } }
        submissionTracking { school { code } activity { number } } } }`,
    );
    monitoring = answer.data!.executionMonitoring;
  });

  it('HTML: the order in the annex, a row per listed school with the API’s figures, a chart each, the texts', async () => {
    const { response, bytes } = await download(path('html'));
    expect(response.status).toBe(200);
    const html = bytes.toString('utf8');
    const [order] = (
      await db.query<{ number: string; date: string }>(
        `select number, to_char(date, 'DD.MM.YYYY') as date from support_order where id = $1`,
        [orderId],
      )
    ).rows;
    expect(html).toContain(`Приложение к приказу от ${order!.date} № ${order!.number}`);
    expect(html).toMatch(/@page \{\s*size: A4 landscape/);
    expect(html).not.toMatch(/<script|href=|src=|url\(/i);
    expect(html.match(/<svg /g)).toHaveLength(monitoring.schools.length);
    for (const school of monitoring.schools) {
      const row = html.split('<tr>').find((r) => r.includes(`(${school.code})</td>`));
      expect(row, school.code).toBeDefined();
      const cells = [...row!.matchAll(/<td class="[a-zA-Z]+">([^<]*)<\/td>/g)].map((m) => m[1]);
      expect([cells[4], cells[5]]).toEqual([String(school.reports.due), String(school.reports.submitted)]);
    }
    expect(html).toContain(
      'Дорожная карта выполняется: часть мероприятий просрочена.\nШколы представили концепции.',
    );
    expect(html).toContain('&#60;о сроках&#62; &#38; отчётах');
    for (const [status, label] of [
      ['DONE', 'Выполнено'],
      ['OVERDUE', 'Просрочено'],
    ] as const) {
      expect(html).toContain(
        `<td class="text">${label}</td><td class="integer">${monitoring.activities[status]}</td>`,
      );
    }
    expect((html.match(/<td class="code">\d+\.?<\/td>/g) ?? []).length).toBeGreaterThanOrEqual(
      monitoring.submissionTracking.length,
    );
  });

  it.each([
    [{ role: 'REGION_ANALYST', region: '23' }],
    [{ role: 'MUNICIPAL_ANALYST', municipality: 1 }],
    [{ role: 'SCHOOL', school: 'sch560189' }],
    [{ role: 'CURATOR', person: 'curator-1' }],
  ])('%j gets no report of the place, in any format', async (claims) => {
    for (const format of ['html', 'xlsx', 'csv']) {
      const { response, bytes } = await download(path(format), claims);
      expect([format, response.status]).toEqual([format, 403]);
      const body = JSON.parse(bytes.toString('utf8')) as {
        errors: { extensions: Record<string, unknown> }[];
      };
      expect(body.errors[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', action: 'support.monitor' });
    }
  });

  it('XLSX: the schools, the execution, the effect, the missing reports and the texts on their sheets', async () => {
    const { response, bytes } = await download(path('xlsx'));
    expect(response.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual([
      'Школы',
      'Исполнение',
      'Эффект',
      'Не сданы отчёты',
      'Выводы',
    ]);
    const schools = workbook.getWorksheet('Школы')!;
    const codes: string[] = [];
    schools.eachRow((row) => {
      const m = /\((sch\d+)\)$/.exec(String(row.getCell(2).value ?? ''));
      if (m) codes.push(m[1]!);
    });
    expect(codes).toEqual(monitoring.schools.map((s) => s.code));
    expect(workbook.getWorksheet('Не сданы отчёты')!.rowCount - 2).toBe(monitoring.submissionTracking.length);
    expect(workbook.getWorksheet('Выводы')!.getCell('A2').value).toBe(CONCLUSIONS);
    expect(schools.pageSetup).toMatchObject({ orientation: 'landscape', paperSize: 9 });
  });

  it.skipIf(!PRINTING)(
    PRINTING ? 'printed by Chromium: numbered A4 pages, the figures and texts in the PDF' : NO_PRINTING,
    async () => {
      const html = (await download(path('html'))).bytes.toString('utf8');
      const pdf = await printHtml(html);
      const file = join(dir, 'monitoring-report.pdf');
      await writeFile(file, pdf.bytes);
      expect((await readFile(file)).subarray(0, 5).toString()).toBe('%PDF-');
      expect(pdf.width).toBeGreaterThan(pdf.height);
      expect(pdf.pageTexts).toHaveLength(pdf.pages);
      pdf.pageTexts.forEach((text, i) => expect(text).toContain(`Стр. ${i + 1} из ${pdf.pages}`));
      const text = pdf.pageTexts.join('\n').replace(/\s+/g, ' ');
      expect(text).toContain('Дорожная карта выполняется: часть мероприятий просрочена.');
      for (const school of monitoring.schools) expect(text).toContain(`(${school.code})`);
      expect(text).toContain('lowIndex и доля «2» ВПР по годам');
    },
  );
});
