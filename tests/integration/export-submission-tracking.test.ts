import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mintToken } from '../../api/auth/tokens.js';
import { buildDemoSupportYearAt, type DemoSupportSummary } from '../../api/demo/support-year.js';
import { EXCEL_TEXT_MARK } from '../../api/export/csv-writer.js';
import { type RunningServer } from '../../api/server.js';
import { loadConfig } from '../../config/settings.js';
import { byHeader, parseCsv, parseDelimited } from '../support/csv.js';
import { createFreshDatabase, type FreshDatabase } from '../support/fresh-database.js';
import { startTestServerOn } from '../support/server.js';
import { columnCells, dispositionNames, firstSheet, headerOf } from '../support/xlsx.js';

/**
 * `GET /export/submission-tracking.<csv|xlsx>` and `npm run export -- submission-tracking.xlsx`
 * (issue 13 item 6) on the demo's support year: every row is a row of the API's submissionTracking,
 * in its order; the Russian CSV parsed, the XLSX opened with exceljs, the machine CSV's codes bare.
 */
const SECRET = 'export-submission-tracking-secret-32-bytes';
const AS_OF = '2026-12-01';
const HEADERS = ['Муниципалитет', 'Логин ОО', 'ОО', '№ мероприятия', 'Мероприятие', 'Срок', 'Дорожная карта'];

let fresh: FreshDatabase;
let server: RunningServer;
let demo: DemoSupportSummary;
let ministry: string;
let dir: string;

interface Missing {
  school: { code: string; name: string; municipality: { name: string } };
  activity: { number: string; title: string; due: string | null; roadmapId: string };
}
let api: Missing[];

beforeAll(async () => {
  fresh = await createFreshDatabase({ seed: 'demo' });
  const built = await buildDemoSupportYearAt(fresh.url, loadConfig({ NODE_ENV: 'test' }));
  if (!built) throw new Error('no demo support year');
  demo = built;
  server = await startTestServerOn(fresh.url, { AUTH_DEV_MODE: '0', AUTH_JWT_SECRET: SECRET });
  ministry = await mintToken(SECRET, { role: 'MINISTRY', sub: 'export-tracking-ministry' });
  dir = await mkdtemp(join(tmpdir(), 'shnor-export-tracking-'));
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${ministry}` },
    body: JSON.stringify({
      query: `{ submissionTracking(year: 2026, regionCodes: ["56"], asOf: "${AS_OF}") {
        school { code name municipality { name } } activity { number title due roadmapId } } }`,
    }),
  });
  api = ((await response.json()) as { data: { submissionTracking: Missing[] } }).data.submissionTracking;
}, 180_000);
afterAll(async () => {
  await server?.close();
  await fresh?.drop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

const download = async (path: string, token: string | null = ministry) => {
  const response = await fetch(`${server.url}${path}`, {
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
  return { response, bytes: Buffer.from(await response.arrayBuffer()) };
};

const expected = () =>
  api.map((m) => [
    m.school.municipality.name,
    m.school.code,
    m.school.name,
    m.activity.number,
    m.activity.title,
    m.activity.due ?? '',
    m.activity.roadmapId,
  ]);

const unmark = (text: string) => (text.startsWith(EXCEL_TEXT_MARK) ? text.slice(1) : text);

describe('export submission-tracking', () => {
  it('the Russian CSV: the API’s rows in its order, named after year, region and date', async () => {
    expect(api.length).toBeGreaterThan(0);
    const { response, bytes } = await download(
      `/export/submission-tracking.csv?year=2026&regionCodes=56&asOf=${AS_OF}`,
    );
    expect(response.status).toBe(200);
    expect(dispositionNames(response.headers.get('content-disposition')).ascii).toBe(
      `submission-tracking-2026-56-as-of-${AS_OF}.csv`,
    );
    const table = byHeader(parseCsv(bytes));
    expect(Object.keys(table[0]!)).toEqual(expect.arrayContaining(HEADERS));
    expect(table.map((r) => HEADERS.map((h) => unmark(r[h]!)))).toEqual(expected());
  });

  it('the XLSX: the same rows, codes as text cells', async () => {
    const { response, bytes } = await download(
      `/export/submission-tracking.xlsx?year=2026&municipalityIds=${demo.municipality.id}&asOf=${AS_OF}`,
    );
    expect(response.status).toBe(200);
    const sheet = await firstSheet(bytes);
    expect(headerOf(sheet)).toEqual(expect.arrayContaining(HEADERS));
    const own = expected().filter((_r, i) => api[i]!.school.municipality.name === demo.municipality.name);
    const columns = HEADERS.map((h) => columnCells(sheet, h).map((c) => String(c.value ?? '')));
    expect(own.map((_r, i) => columns.map((c) => c[i]))).toEqual(own);
    expect(columnCells(sheet, 'Логин ОО')[0]!.numFmt).toBe('@');
  });

  it('the machine CSV: codes bare, snake_case headers', async () => {
    const { bytes } = await download(
      `/export/submission-tracking.csv?year=2026&regionCodes=56&asOf=${AS_OF}&variant=machine`,
    );
    const [header, ...body] = parseDelimited(bytes.toString('utf8'), ',');
    expect(header).toContain('school_code');
    const due = header!.indexOf('due');
    expect(body.map((r) => r[due])).toEqual(api.map((m) => m.activity.due ?? ''));
  });

  it('a region outside the analyst’s scope is FORBIDDEN; an unknown parameter 400', async () => {
    const analyst = await mintToken(SECRET, { role: 'REGION_ANALYST', region: '23', sub: 'tracking-23' });
    const outside = await download('/export/submission-tracking.csv?year=2026&regionCodes=56', analyst);
    expect(outside.response.status).toBe(403);
    const unknown = await download('/export/submission-tracking.csv?year=2026&regionCode=56');
    expect(unknown.response.status).toBe(400);
  });

  it('npm run export -- submission-tracking.xlsx writes the same rows', async () => {
    const out = join(dir, 'tracking.xlsx');
    const child = spawn(
      process.execPath,
      [
        '--import',
        '@swc-node/register/esm-register',
        'api/export/cli.ts',
        'submission-tracking.xlsx',
        '--year',
        '2026',
        '--regionCodes',
        '56',
        '--asOf',
        AS_OF,
        '--out',
        out,
      ],
      { env: { ...process.env, DATABASE_URL: fresh.url }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(code, stderr).toBe(0);
    const sheet = await firstSheet(await readFile(out));
    expect(columnCells(sheet, 'Логин ОО').map((c) => String(c.value))).toEqual(api.map((m) => m.school.code));
  }, 60_000);
});
