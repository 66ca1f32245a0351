import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLES_FILE } from '../../api/app.js';
import { loadExamples } from '../../api/ide/examples.js';
import { startTestServer } from '../support/server.js';
import { download, externalUrls, launchChromium, queryText, resultText, xlsxRows } from './ide-driver.js';
import { parseDelimited } from '../support/csv.js';

const skip = process.env.SKIP_BROWSER_TESTS === '1';
type Scalar = string | number | boolean | null;
type Row = Record<string, unknown>;

// What each cell should read, spelt out here rather than taken from api/ide/table-model.js.
function shown(v: Scalar): string {
  if (v === null) return '';
  if (typeof v === 'boolean') return v ? 'да' : 'нет';
  return typeof v === 'number' ? String(v).replace('.', ',') : v;
}
/** In the CSV: formula-like text behind an apostrophe, number-like text (a code, «05») marked as text. */
function inCsv(v: Scalar): string {
  if (typeof v !== 'string') return shown(v);
  if (/^[=+\-@\t\r]/.test(v)) return `'${v}`;
  return /^[\d\s.,:/+\-eE]*\d[\d\s.,:/+\-eE]*$/.test(v) ? `\u200B${v}` : v;
}
const inXlsx = (v: Scalar): string | number | null => (typeof v === 'boolean' ? shown(v) : v);

/** `row.a.b` for the column `a.b`: the flattening the panel is expected to do. */
function at(row: Row, column: string): Scalar {
  const value = column.split('.').reduce<unknown>((v, key) => (v as Row | null)?.[key] ?? null, row);
  if (value !== null && typeof value === 'object') throw new Error(`${column} is not a scalar`);
  return value as Scalar;
}

interface Session {
  page: Page;
  urls: string[];
  problems: string[];
}

describe.skipIf(skip)('GraphiQL shows a result as a table and downloads it', () => {
  let browser: Browser | undefined;
  let context: BrowserContext | undefined;
  let server: Awaited<ReturnType<typeof startTestServer>> | undefined;
  const examples = loadExamples(EXAMPLES_FILE);

  beforeAll(async () => {
    browser = await launchChromium();
    // One context for the file: with @sparticuz/chromium's --single-process, closing a context
    // takes the browser down. Its pages get a fresh localStorage, so GraphiQL starts as new.
    context = await browser.newContext({ viewport: { width: 1600, height: 900 }, acceptDownloads: true });
    await context.addInitScript(() => {
      window.localStorage.clear();
      // Chromium logs most CSP refusals to the console; this makes sure of every one (eval too).
      document.addEventListener('securitypolicyviolation', (e) =>
        console.error(`CSP refused ${e.blockedURI} (${e.effectiveDirective})`),
      );
    });
    server = await startTestServer();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** The example's answer over plain HTTP, independently of the browser. */
  async function answer(operationName: string): Promise<{ data: Row }> {
    if (!server) throw new Error('setup did not finish');
    const query = examples.tabs.find((t) => t.query.startsWith(`query ${operationName}(`))?.query;
    const res = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, operationName }),
    });
    const body = (await res.json()) as { data: Row; errors?: unknown };
    expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
    return body;
  }

  async function open(tab?: string): Promise<Session> {
    if (!context || !server) throw new Error('setup did not finish');
    const page = await context.newPage();
    const session: Session = { page, urls: [], problems: [] };
    page.on('request', (request) => session.urls.push(request.url()));
    page.on('pageerror', (error) => session.problems.push(error.message));
    page.on('console', (m) => (m.type() === 'error' ? session.problems.push(m.text()) : undefined));
    await page.goto(`${server.url}/graphql`, { waitUntil: 'load' });
    if (tab) {
      // A click while GraphiQL is still setting its tabs up can be undone, so click until it holds.
      const button = page.locator('.graphiql-tab-button', { hasText: new RegExp(`^${tab}$`) });
      await expect.poll(async () => (await button.click(), queryText(page))).toContain(`query ${tab}(`);
    }
    await page.locator('.graphiql-execute-button').click();
    await resultText(page);
    await page.getByRole('button', { name: 'Show Таблица' }).click();
    return session;
  }

  async function shownTable(page: Page): Promise<{ columns: string[]; rows: string[][] }> {
    return page.locator('.shnor-table table').evaluate((table) => ({
      columns: Array.from(table.querySelectorAll('thead th'), (th) => th.textContent ?? ''),
      rows: Array.from(table.querySelectorAll('tbody tr'), (tr) =>
        Array.from(tr.querySelectorAll('td'), (td) => td.textContent ?? ''),
      ),
    }));
  }

  /** The table in the panel, the CSV and the XLSX all hold `expected`; nothing left the origin. */
  async function checkTable(s: Session, operationName: string, columns: string[], expected: Scalar[][]) {
    expect(await shownTable(s.page)).toEqual({ columns, rows: expected.map((r) => r.map(shown)) });
    await s.page.locator('.shnor-table-count', { hasText: `Строк: ${expected.length},` }).waitFor();

    const csv = await download(s.page, 'CSV');
    expect(csv.name).toBe(`${operationName}.csv`);
    const text = csv.content.toString('utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(parseDelimited(text.slice(1), ';')).toEqual([columns, ...expected.map((r) => r.map(inCsv))]);

    const xlsx = await download(s.page, 'XLSX');
    expect(xlsx.name).toBe(`${operationName}.xlsx`);
    expect(await xlsxRows(xlsx.content)).toEqual([columns, ...expected.map((r) => r.map(inXlsx))]);

    expect(s.urls.some((url) => url.endsWith('/exceljs.bare.min.js'))).toBe(true);
    expect(externalUrls(s.urls)).toEqual([]);
    const origin = new URL(server?.url ?? '').origin;
    expect(s.urls.filter((url) => !/^(blob|data):/.test(url) && new URL(url).origin !== origin)).toEqual([]);
    expect(s.problems).toEqual([]);
  }

  it('shows the nodes of a connection with dotted columns, as CSV and XLSX too', async () => {
    const body = await answer('SchoolsPage');
    const nodes = (body.data['schools'] as { nodes: Row[] }).nodes;
    expect(nodes.length).toBeGreaterThan(0);
    const columns = 'code name typeName localityName students municipality.name'.split(' ');
    columns.push('municipality.region.code', 'municipality.region.name');
    const expected = nodes.map((n) => columns.map((c) => at(n, c)));
    const s = await open();
    try {
      await checkTable(s, 'SchoolsPage', columns, expected); // region codes («56») are number-like text
      expect(await s.page.locator('.shnor-table-picker').count()).toBe(0); // one list only
    } finally {
      await s.page.close();
    }
  });

  it('lets the analyst pick another list of the answer; decimals keep their comma', async () => {
    const body = await answer('SchoolWithResults');
    const oge = (body.data['school'] as { ogeResults: Row[] }).ogeResults;
    const columns = ['year', 'subject', 'participants', 'share2', 'meanPrimary'];
    const expected = oge.map((r) => columns.map((c) => at(r, c)));
    expect(expected.flat().some((v) => typeof v === 'number' && !Number.isInteger(v))).toBe(true);
    const s = await open('SchoolWithResults');
    try {
      const picker = s.page.locator('.shnor-table-picker select');
      expect(await picker.inputValue()).toBe('data.school.vprResults'); // no `nodes`: the first list
      const options = await picker
        .locator('option')
        .evaluateAll((os) => os.map((o) => o.getAttribute('value')));
      expect(options).toEqual(expect.arrayContaining(['data.school.ogeResults', 'data.school.egeResults']));
      await picker.selectOption('data.school.ogeResults');
      await s.page.locator('.shnor-table th', { hasText: 'meanPrimary' }).waitFor();
      await checkTable(s, 'SchoolWithResults', columns, expected);
    } finally {
      await s.page.close();
    }
  });

  it('puts at most 1 000 rows in the panel, says how many there are, downloads them all', async () => {
    const s = await open();
    try {
      const many = { data: { list: Array.from({ length: 1500 }, (_, i) => ({ n: i, half: i / 2 })) } };
      // The panel reads the response editor, so an answer written into it stands for a big one.
      await s.page.evaluate((text) => {
        type WithEditor = Element & { CodeMirror?: { setValue(v: string): void } };
        document.querySelector<WithEditor>('.result-window .CodeMirror')?.CodeMirror?.setValue(text);
      }, JSON.stringify(many));
      await s.page.locator('.shnor-table-count', { hasText: 'Строк: 1500, показаны первые 1000' }).waitFor();
      expect(await s.page.locator('.shnor-table tbody tr').count()).toBe(1000);
      const csv = parseDelimited((await download(s.page, 'CSV')).content.toString('utf8').slice(1), ';');
      expect(csv).toHaveLength(1501);
      expect(csv.at(-1)).toEqual(['1499', '749,5']);
      expect(s.problems).toEqual([]);
    } finally {
      await s.page.close();
    }
  });
});
