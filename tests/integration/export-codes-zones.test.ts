import ExcelJS from 'exceljs';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXCEL_TEXT_MARK } from '../../api/export/csv-writer.js';
import { type RunningServer } from '../../api/server.js';
import { byHeader, parseDelimited } from '../support/csv.js';
import { createFreshDatabase, type FreshDatabase } from '../support/fresh-database.js';
import { dataOf, graphql } from '../support/graphql-client.js';
import { convertWithLibreOffice, NO_SOFFICE, SOFFICE } from '../support/libreoffice.js';
import { startTestServerOn } from '../support/server.js';
import { columnCells, firstSheet } from '../support/xlsx.js';
import { regionClock } from '../support/zoned.js';

/**
 * Issue 10, in a database of its own: a region coded «05» stays «05» (not 5) wherever the export
 * is opened, and dates show the clock of the region's time zone — the one stored for it, here set
 * to Kamchatka's (UTC+12) so that a fixed or server zone could not pass.
 */
let database: FreshDatabase;
let server: RunningServer;
let pool: pg.Pool;
const ZONE = 'Asia/Kamchatka';

beforeAll(async () => {
  database = await createFreshDatabase();
  pool = new pg.Pool({ connectionString: database.url, max: 2 });
  await pool.query(`update region set code = '05', name = 'Республика Дагестан' where code = '57'`);
  await pool.query(`update region set time_zone = $1 where code = '56'`, [ZONE]);
  server = await startTestServerOn(database.url);
});
afterAll(async () => {
  await server.close();
  await pool.end();
  await database.drop();
});

async function download(path: string): Promise<Buffer> {
  const response = await fetch(`${server.url}${path}`);
  expect(response.status, path).toBe(200);
  return Buffer.from(await response.arrayBuffer());
}

const CANDIDATES_05 = '/export/candidates.csv?year=2026&regionCodes=05';

describe('codes with a leading zero', () => {
  it('Russian CSV marks «05» as text; the machine CSV has it bare; XLSX holds a text cell', async () => {
    const russian = byHeader(parseDelimited((await download(CANDIDATES_05)).toString('utf8').slice(1), ';'));
    expect(russian.length).toBeGreaterThan(0);
    for (const row of russian) expect(row['Код региона']).toBe(`${EXCEL_TEXT_MARK}05`);
    const machine = byHeader(
      parseDelimited((await download(`${CANDIDATES_05}&variant=machine`)).toString(), ','),
    );
    expect(new Set(machine.map((r) => r.region_code))).toEqual(new Set(['05']));
    const sheet = await firstSheet(await download('/export/vpr-statistics.xlsx?groupBy=REGION&years=2026'));
    const codes = columnCells(sheet, 'Код региона');
    expect(codes.map((c) => c.value)).toContain('05');
    for (const cell of codes) expect([cell.type, cell.numFmt]).toEqual([ExcelJS.ValueType.String, '@']);
  });

  const opened = 'LibreOffice (Russian locale) opens the Russian CSV: «05» text, «12,3%» a number';
  it.skipIf(!SOFFICE)(SOFFICE ? opened : NO_SOFFICE, async () => {
    // 59 = `;`, 34 = `"`, 76 = UTF-8, from line 1; 1049 = ru-RU — what a double click does
    const xlsx = await convertWithLibreOffice(
      await download(CANDIDATES_05),
      'csv',
      'xlsx',
      'CSV:59,34,76,1,,1049',
    );
    const sheet = await firstSheet(xlsx);
    const code = columnCells(sheet, 'Код региона')[0]!;
    expect(code.type).toBe(ExcelJS.ValueType.String);
    expect(String(code.value).replace(EXCEL_TEXT_MARK, '')).toBe('05');
    const cut = columnCells(sheet, 'Порог ранга')[0]!;
    expect(cut.type).toBe(ExcelJS.ValueType.Number);
    expect(cut.value).toBeCloseTo(0.9, 6);
  });
});

describe('dates in the region’s time zone', () => {
  it('decision and approval times of a list, as Kamchatka’s clock shows them', async () => {
    const ask = async <T>(query: string) => dataOf(await graphql<T, never>(server.url, query));
    const last = await ask<{ createShnorList: { id: string } }>(
      'mutation { createShnorList(year: 2025, regionCode: "56") { id } }',
    );
    await ask(`mutation { approveShnorList(listId: "${last.createShnorList.id}") { status } }`);
    const list = (
      await ask<{ createShnorList: { id: string } }>(
        'mutation { createShnorList(year: 2026, regionCode: "56") { id } }',
      )
    ).createShnorList.id;
    const { rows: pending } = await pool.query<{ school_code: string }>(
      `select school_code from shnor_list_entry where list_id = $1 order by position limit 1`,
      [list],
    );
    for (const { school_code: code } of pending) {
      await ask(`mutation { setShnorListEntry(listId: "${list}", schoolCode: "${code}", decision: INCLUDE,
        justification: "Решение регионального совета о поддержке школы") { included } }`);
    }
    const needing = await ask<{ shnorList: { entries: { nodes: { schoolCode: string }[] } } }>(
      `{ shnorList(id: "${list}") { entries(needsDecision: true, first: 500) { nodes { schoolCode } } } }`,
    );
    for (const { schoolCode } of needing.shnorList.entries.nodes) {
      await ask(`mutation { setShnorListEntry(listId: "${list}", schoolCode: "${schoolCode}", decision: EXCLUDE,
        justification: "Решение регионального совета: без включения") { included } }`);
    }
    await ask(`mutation { approveShnorList(listId: "${list}") { status } }`);

    const { rows } = await pool.query<{ decided_at: Date; approved_at: Date; school_code: string }>(
      `select e.decided_at, l.approved_at, e.school_code from shnor_list_entry e join shnor_list l on l.id = e.list_id
       where l.id = $1 and e.school_code = $2`,
      [list, pending[0]!.school_code],
    );
    const fact = rows[0]!;
    const sheet = await firstSheet(await download(`/export/shnor-list.xlsx?listId=${list}`));
    const row = columnCells(sheet, 'Логин').findIndex((c) => c.value === fact.school_code);
    for (const [header, at] of [
      ['Дата решения', fact.decided_at],
      ['Дата утверждения', fact.approved_at],
    ] as const) {
      const cell = columnCells(sheet, header)[row]!;
      expect(cell.numFmt).toBe('dd.mm.yyyy hh:mm');
      expect(cell.value).toBeInstanceOf(Date);
      // a date cell holds the wall clock (a spreadsheet has no zones): Kamchatka's, to the second
      expect(Math.abs((cell.value as Date).getTime() - regionClock(at, ZONE).wallClockMs)).toBeLessThan(1000);
    }
    expect(sheet.headerFooter.oddFooter).toContain('(UTC+12:00)');
    const csv = byHeader(
      parseDelimited((await download(`/export/shnor-list.csv?listId=${list}`)).toString().slice(1), ';'),
    );
    expect(csv.find((r) => r['Логин'] === fact.school_code)?.['Дата утверждения']).toBe(
      regionClock(fact.approved_at, ZONE).russian,
    );
  });

  it('the API answers each region’s zone', async () => {
    const answer = dataOf(
      await graphql<{ regions: { nodes: { code: string; timeZone: string }[] } }, never>(
        server.url,
        '{ regions(first: 10) { nodes { code timeZone } } }',
      ),
    );
    const { rows } = await pool.query<{ code: string; time_zone: string }>(
      'select code, time_zone from region order by code',
    );
    expect(answer.regions.nodes.map((r) => [r.code, r.timeZone])).toEqual(
      rows.map((r) => [r.code, r.time_zone]),
    );
    expect(rows.find((r) => r.code === '63')?.time_zone).toBe('Europe/Samara');
  });
});
