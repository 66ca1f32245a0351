import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { promisify } from 'node:util';
import { type Browser } from 'playwright-core';
import { launchChromium } from '../browser/ide-driver.js';

/**
 * Chromium as the browser that prints the HTML documents — the browser tests' own (tests/browser/
 * ide-driver.ts: CHROMIUM_PATH, Debian's, else @sparticuz/chromium's, so always there) — and
 * poppler's pdfinfo and pdftotext to read the PDF it makes (`apt-get install poppler-utils`);
 * tests that need those skip, saying so, without them.
 */
const run = promisify(execFile);

function onPath(name: string): string | null {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    const candidate = join(dir, name);
    if (dir && existsSync(candidate)) return candidate;
  }
  return null;
}

const PDFINFO = onPath('pdfinfo');
const PDFTOTEXT = onPath('pdftotext');

export const PRINTING = Boolean(PDFINFO && PDFTOTEXT) && process.env.SKIP_BROWSER_TESTS !== '1';
export const NO_PRINTING =
  'poppler-utils not found (apt-get install poppler-utils), or SKIP_BROWSER_TESTS=1: browser printing checks skipped';

export interface PrintedPdf {
  pages: number;
  /** Points, as pdfinfo reports the first page. */
  width: number;
  height: number;
  /** The text of each page (pdftotext -layout, split at form feeds). */
  pageTexts: string[];
  /** The PDF itself. */
  bytes: Buffer;
}

let browser: Promise<Browser> | null = null;

/** One browser for a test file's pages; closed by `closePrinter` (afterAll). */
export async function closePrinter(): Promise<void> {
  const open = browser;
  browser = null;
  if (open) await (await open).close();
}

/** Prints a self-contained HTML page as «Print → Save as PDF» does (the page's own @page size). */
export async function printHtml(html: string): Promise<PrintedPdf> {
  if (!PDFINFO || !PDFTOTEXT) throw new Error(NO_PRINTING);
  browser ??= launchChromium();
  const page = await (await browser).newPage();
  const dir = await mkdtemp(join(tmpdir(), 'print-'));
  try {
    await page.setContent(html, { waitUntil: 'load' });
    const pdf = join(dir, 'page.pdf');
    const bytes = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    await writeFile(pdf, bytes);
    const info = (await run(PDFINFO, [pdf])).stdout;
    const size = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(info);
    const text = (await run(PDFTOTEXT, ['-layout', pdf, '-'])).stdout;
    return {
      pages: Number(/Pages:\s+(\d+)/.exec(info)?.[1]),
      width: Number(size?.[1]),
      height: Number(size?.[2]),
      pageTexts: text.split('\f').filter((t) => t.trim() !== ''),
      bytes,
    };
  } finally {
    await page.close();
    await rm(dir, { recursive: true, force: true });
  }
}
