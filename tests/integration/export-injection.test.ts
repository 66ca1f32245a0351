import ExcelJS from 'exceljs';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer } from '../../api/server.js';
import { parseCsv } from '../support/csv.js';
import { createFreshDatabase, type FreshDatabase } from '../support/fresh-database.js';
import { startTestServerOn } from '../support/server.js';

/**
 * Issue 9, class 8: text that a spreadsheet would run as a formula (a school name from an
 * imported registry, say) is exported as text. The names are the test's own, in its own database.
 */
const NAMES = [
  '=HYPERLINK("http://evil.example","click")',
  '+7 999 000',
  '-2+3',
  '@SUM(A1:A9)',
  '\tТаб',
  '\rCR',
];
let database: FreshDatabase;
let server: RunningServer;
let codes: string[];

beforeAll(async () => {
  database = await createFreshDatabase();
  const db = new pg.Pool({ connectionString: database.url, max: 1 });
  try {
    const { rows } = await db.query<{ code: string }>(
      `select s.code from school s join municipality m on m.id = s.municipality_id join region g on g.id = m.region_id
       where g.code = '56' order by s.code limit ${NAMES.length}`,
    );
    codes = rows.map((r) => r.code);
    for (const [i, code] of codes.entries()) {
      await db.query('update school set name = $1 where code = $2', [NAMES[i], code]);
    }
  } finally {
    await db.end();
  }
  server = await startTestServerOn(database.url);
});
afterAll(async () => {
  await server.close();
  await database.drop();
});

async function download(path: string): Promise<Buffer> {
  const response = await fetch(`${server.url}${path}`);
  expect(response.status).toBe(200);
  return Buffer.from(await response.arrayBuffer());
}

describe('class 8: exports neutralise formulas', () => {
  it('CSV: each such name starts with an apostrophe, the text kept whole', async () => {
    const [header, ...rows] = parseCsv(await download('/export/risk-profiles.csv?year=2026&regionCodes=56'));
    const code = header!.indexOf('Логин');
    const name = header!.indexOf('ОО');
    for (const [i, school] of codes.entries()) {
      const row = rows.find((r) => r[code] === school);
      expect(row, school).toBeDefined();
      expect(row![name]).toBe(`'${NAMES[i]}`);
    }
    // no field of any row is left live
    for (const row of rows) for (const field of row) expect(field).not.toMatch(/^[=+@\t\r]/);
  });

  it('XLSX: the same names are text cells, never formulas', async () => {
    const workbook = new ExcelJS.Workbook();
    const bytes = await download('/export/risk-profiles.xlsx?year=2026&regionCodes=56');
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer); // exceljs' types predate Node's Buffer generics
    const sheet = workbook.worksheets[0]!;
    const header = (sheet.getRow(1).values as unknown[]).map(String);
    const code = header.indexOf('Логин');
    const name = header.indexOf('ОО');
    const found = new Map<string, ExcelJS.Cell>();
    sheet.eachRow((row) => {
      const cell = row.getCell(code);
      if (typeof cell.value === 'string' && codes.includes(cell.value))
        found.set(cell.value, row.getCell(name));
    });
    for (const [i, school] of codes.entries()) {
      const cell = found.get(school);
      expect(cell?.type).toBe(ExcelJS.ValueType.String);
      expect(cell?.value).toBe(NAMES[i]!.replace(/\r/g, '\n')); // XML keeps a CR as a line break
    }
  });
});
