import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { chromium, type Browser, type Page } from 'playwright-core';

// A Chromium driven by playwright-core (Playwright's own browser download is not reachable from
// this project's machines). The flags keep Chromium from calling home.
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/**
 * `CHROMIUM_PATH`, else Debian's `/usr/bin/chromium`, else the Chromium that ships inside the
 * `@sparticuz/chromium` package (a devDependency: `npm ci` brings it, nothing else to install).
 */
export async function launchChromium(): Promise<Browser> {
  const asked =
    process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
  if (asked) {
    if (!existsSync(asked)) {
      throw new Error(
        `Chromium not found at CHROMIUM_PATH=${asked}: point it at a Chromium binary, unset it to use the ` +
          'one of @sparticuz/chromium, or set SKIP_BROWSER_TESTS=1 to skip the browser tests.',
      );
    }
    return chromium.launch({ executablePath: asked, args: CHROMIUM_ARGS });
  }
  const { default: packaged } = await import('@sparticuz/chromium');
  return chromium.launch({
    executablePath: await packaged.executablePath(),
    args: [...packaged.args, ...CHROMIUM_ARGS.filter((a) => !packaged.args.includes(a))],
  });
}

export interface IdeRun {
  /** The response editor's text once it holds a JSON result. */
  responseText: string;
  /** Every URL the page requested, in order. */
  requestUrls: string[];
  /** `METHOD url` of every request, to show that the query went to the endpoint. */
  requests: string[];
  pageErrors: string[];
  consoleErrors: string[];
}

/** The result pane's text once it holds JSON. CodeMirror's value, not the DOM: it renders only the visible lines. */
export async function resultText(page: Page): Promise<string> {
  const result = await page.waitForFunction(
    () => {
      type WithEditor = Element & { CodeMirror?: { getValue(): string } };
      const value =
        document.querySelector<WithEditor>('.result-window .CodeMirror')?.CodeMirror?.getValue() ?? '';
      try {
        JSON.parse(value);
        return value;
      } catch {
        return false;
      }
    },
    undefined,
    { timeout: 30_000 },
  );
  return String(await result.jsonValue());
}

/**
 * Opens the IDE as a person would, runs the tab that is open first (the first example
 * operation) with GraphiQL's execute button, and waits for the result to show.
 */
export async function runFirstExample(
  browser: Browser,
  ideUrl: string,
  screenshotPath?: string,
): Promise<IdeRun> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const run: IdeRun = { responseText: '', requestUrls: [], requests: [], pageErrors: [], consoleErrors: [] };
  try {
    const page = await context.newPage();
    page.on('request', (request) => {
      run.requestUrls.push(request.url());
      run.requests.push(`${request.method()} ${request.url()}`);
    });
    page.on('pageerror', (error) => run.pageErrors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') run.consoleErrors.push(message.text());
    });

    await page.goto(ideUrl, { waitUntil: 'load' });
    await page.locator('.graphiql-execute-button').click();
    const value = await resultText(page);
    run.responseText = value;
    if (screenshotPath) await page.screenshot({ path: screenshotPath });
    return run;
  } finally {
    await context.close();
  }
}

const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** URLs that would have left this machine (data: and blob: URLs never touch the network). */
export function externalUrls(urls: readonly string[]): string[] {
  return urls.filter((raw) => {
    const url = new URL(raw);
    if (url.protocol === 'data:' || url.protocol === 'blob:') return false;
    return !LOCAL_HOSTS.has(url.hostname);
  });
}

/** Every string `name` field anywhere in a GraphQL response. */
export function namesIn(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(namesIn);
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, inner]) =>
    key === 'name' && typeof inner === 'string' ? [inner] : namesIn(inner),
  );
}

/** The query editor's text (CodeMirror's value: the DOM holds only the visible lines). */
export const queryText = (page: Page): Promise<string> =>
  page.evaluate(() => {
    type WithEditor = Element & { CodeMirror?: { getValue(): string } };
    return (
      document.querySelector<WithEditor>('.graphiql-query-editor .CodeMirror')?.CodeMirror?.getValue() ?? ''
    );
  });

/** Clicks the button and returns the file the page hands the browser (needs acceptDownloads). */
export async function download(page: Page, button: string): Promise<{ name: string; content: Buffer }> {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: button, exact: true }).click(),
  ]);
  return { name: file.suggestedFilename(), content: await readFile(await file.path()) };
}

/** The cell values of an XLSX's first sheet, row by row, empty cells as null (read by exceljs in Node). */
export async function xlsxRows(content: Buffer): Promise<unknown[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(content as unknown as ExcelJS.Buffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new Error('the workbook has no sheet');
  const rows: unknown[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row) =>
    rows.push(Array.from({ length: sheet.columnCount }, (_, i) => row.getCell(i + 1).value ?? null)),
  );
  return rows;
}
