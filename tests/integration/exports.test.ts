import ExcelJS from 'exceljs';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mintToken } from '../../api/auth/tokens.js';
import { EXCEL_TEXT_MARK } from '../../api/export/csv-writer.js';
import { type RunningServer } from '../../api/server.js';
import { parseCsv } from '../support/csv.js';
import { startTestServer, testDatabaseUrl } from '../support/server.js';

const SECRET = 'exports-secret-of-at-least-32-bytes';
let server: RunningServer;
let db: pg.Pool;
let ministry: string;
let analyst: string;

beforeAll(async () => {
  server = await startTestServer({ AUTH_DEV_MODE: '0', AUTH_JWT_SECRET: SECRET });
  db = new pg.Pool({ connectionString: testDatabaseUrl(), max: 2 });
  ministry = await mintToken(SECRET, { role: 'MINISTRY', sub: 'export-ministry' });
  analyst = await mintToken(SECRET, { role: 'REGION_ANALYST', region: '56', sub: 'export-analyst-56' });
});
afterAll(async () => {
  await server.close();
  await db.end();
});

async function download(path: string, token?: string) {
  const response = await fetch(`${server.url}${path}`, {
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
  return { response, bytes: Buffer.from(await response.arrayBuffer()) };
}

async function graphql(query: string, token: string) {
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query }),
  });
  return (
    (await response.json()) as {
      data: Record<string, { totalCount: number; nodes: { school: { code: string } }[] }>;
    }
  ).data;
}

describe('exports', () => {
  it('candidates as CSV: every row of the API answer, Cyrillic headers, decimal comma, in the API order', async () => {
    const { response, bytes } = await download('/export/candidates.csv?year=2026&regionCodes=56', ministry);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(response.headers.get('content-disposition')).toContain('filename="candidates-2026-56.csv"');
    const [header, ...rows] = parseCsv(bytes);
    expect(header).toContain('Логин');
    expect(header).toContain('Обоснование');
    const api = await graphql(
      `
        {
          shnorCandidates(year: 2026, filter: { regionCodes: ["56"] }, first: 500) {
            totalCount
            nodes {
              school {
                code
              }
            }
          }
        }
      `,
      ministry,
    );
    expect(rows.length).toBe(api.shnorCandidates!.totalCount);
    const code = header!.indexOf('Логин');
    expect(rows.slice(0, 500).map((r) => r[code])).toEqual(
      api.shnorCandidates!.nodes.map((n) => n.school.code),
    );
    const lowIndex = rows.map((r) => r[header!.indexOf('Индекс низких результатов')]).find((v) => v !== '');
    expect(lowIndex).toMatch(/^\d{1,3},\d%$/);
  });

  it('the same rows as XLSX', async () => {
    const csv = parseCsv(
      (await download('/export/risk-profiles.csv?year=2026&regionCodes=56', ministry)).bytes,
    );
    const { response, bytes } = await download(
      '/export/risk-profiles.xlsx?year=2026&regionCodes=56',
      ministry,
    );
    expect(response.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.rowCount).toBe(csv.length);
    const codeColumn = csv[0]!.indexOf('Логин') + 1;
    const xlsxCodes: string[] = [];
    sheet.eachRow((row, n) => n > 1 && xlsxCodes.push(String(row.getCell(codeColumn).value)));
    expect(xlsxCodes).toEqual(csv.slice(1).map((r) => r[codeColumn - 1]));
    expect(xlsxCodes.length).toBeGreaterThan(0);
  });

  it('a regional analyst exports its own region only; another region gives the header alone', async () => {
    const ownDownload = await download('/export/candidates.csv?year=2026', analyst);
    // no regionCodes asked: the file is named after the analyst's own region
    expect(ownDownload.response.headers.get('content-disposition')).toContain('candidates-2026-56.csv');
    const own = parseCsv(ownDownload.bytes);
    const region = own[0]!.indexOf('Код региона');
    expect(own.length).toBeGreaterThan(1);
    // a code is kept as text for Excel (csv-writer.ts, EXCEL_TEXT_MARK)
    expect(new Set(own.slice(1).map((r) => r[region]))).toEqual(new Set([`${EXCEL_TEXT_MARK}56`]));
    const other = parseCsv(
      (await download('/export/candidates.csv?year=2026&regionCodes=23', analyst)).bytes,
    );
    expect(other.length).toBe(1);
  });

  it('vprStatistics slices sum the scoped rows as SQL does', async () => {
    const rows = parseCsv(
      (await download('/export/vpr-statistics.csv?groupBy=REGION,SUBJECT&years=2026&grades=4', analyst))
        .bytes,
    );
    const participants = rows[0]!.indexOf('Кол-во участников');
    const sum = rows.slice(1).reduce((a, r) => a + Number(r[participants]), 0);
    const expected = await db.query(
      `select sum(v.participants)::int as n from vpr_result v join school s on s.id = v.school_id
       join municipality m on m.id = s.municipality_id join region g on g.id = m.region_id
       where g.code = '56' and v.year = 2026 and v.grade = 4`,
    );
    expect(sum).toBe(expected.rows[0].n);
  });

  it('pages through answers larger than one page (500 rows)', async () => {
    const rows = parseCsv(
      (await download('/export/vpr-statistics.csv?groupBy=SCHOOL&years=2026', ministry)).bytes,
    );
    const expected = await db.query(
      `select count(distinct school_id)::int as n from vpr_result where year = 2026`,
    );
    expect(expected.rows[0].n).toBeGreaterThan(500);
    expect(rows.length - 1).toBe(expected.rows[0].n);
    const codes = rows.slice(1).map((r) => r[rows[0]!.indexOf('Логин')]);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('a stored ШНОР list: every entry with its inclusion; not found outside the scope', async () => {
    const created = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${ministry}` },
      body: JSON.stringify({
        query: `mutation { createShnorList(year: 2026, regionCode: "56") { id counts { entries included } } }`,
      }),
    });
    const list = (
      (await created.json()) as {
        data: { createShnorList: { id: string; counts: { entries: number; included: number } } };
      }
    ).data.createShnorList;
    const rows = parseCsv((await download(`/export/shnor-list.csv?listId=${list.id}`, analyst)).bytes);
    expect(rows.length - 1).toBe(list.counts.entries);
    const included = rows[0]!.indexOf('Включена в список');
    expect(rows.slice(1).filter((r) => r[included] === 'да').length).toBe(list.counts.included);
    const otherAnalyst = await mintToken(SECRET, { role: 'REGION_ANALYST', region: '23' });
    const hidden = await download(`/export/shnor-list.xlsx?listId=${list.id}`, otherAnalyst);
    expect(hidden.response.status).toBe(404);
  });

  it('refuses clearly: bad and unknown parameters, unknown exports, no token', async () => {
    const bad = await download('/export/candidates.csv?year=abc', ministry);
    expect(bad.response.status).toBe(400);
    expect(JSON.parse(bad.bytes.toString()).errors[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      argument: 'year',
    });
    const unknown = await download('/export/candidates.csv?year=2026&first=10', ministry);
    expect(unknown.response.status).toBe(400);
    expect(JSON.parse(unknown.bytes.toString()).errors[0].extensions.argument).toBe('first');
    expect((await download('/export/pupils.csv', ministry)).response.status).toBe(404);
    expect((await download('/export/candidates.csv?year=2026')).response.status).toBe(401);
  });

  it('every export is in the audit log with its parameters and row count', async () => {
    const { rows } = await db.query(
      `select actor, role, target, details from audit_log where action = 'export' and actor = 'export-analyst-56' order by id`,
    );
    expect(rows.length).toBeGreaterThanOrEqual(3);
    expect(rows[0]).toMatchObject({
      role: 'REGION_ANALYST',
      target: 'candidates.csv',
      details: { variables: { year: 2026 } },
    });
    expect(typeof rows[0].details.rows).toBe('number');
  });
});
