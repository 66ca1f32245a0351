import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { promisify } from 'node:util';

/**
 * Chromium as the browser that prints the HTML documents (Debian: `apt-get install chromium
 * poppler-utils`; `CHROMIUM_PATH` to choose another), and poppler's pdfinfo and pdftotext to read
 * the PDF it makes. Tests that need them skip, saying so, when they are missing.
 */
const run = promisify(execFile);

function onPath(name: string): string | null {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    const candidate = join(dir, name);
    if (dir && existsSync(candidate)) return candidate;
  }
  return null;
}

export const CHROMIUM: string | null =
  process.env.CHROMIUM_PATH ?? onPath('chromium') ?? onPath('chromium-browser') ?? onPath('google-chrome');
const PDFINFO = onPath('pdfinfo');
const PDFTOTEXT = onPath('pdftotext');

export const PRINTING = Boolean(CHROMIUM && PDFINFO && PDFTOTEXT);
export const NO_PRINTING =
  'Chromium or poppler-utils not found (apt-get install chromium poppler-utils, or CHROMIUM_PATH): browser printing checks skipped';

export interface PrintedPdf {
  pages: number;
  /** Points, as pdfinfo reports the first page. */
  width: number;
  height: number;
  /** The text of each page (pdftotext -layout, split at form feeds). */
  pageTexts: string[];
}

/** Prints a self-contained HTML page with headless Chromium, as «Print → Save as PDF» does. */
export async function printHtml(html: string): Promise<PrintedPdf> {
  if (!CHROMIUM || !PDFINFO || !PDFTOTEXT) throw new Error(NO_PRINTING);
  const dir = await mkdtemp(join(tmpdir(), 'print-'));
  try {
    const page = join(dir, 'page.html');
    const pdf = join(dir, 'page.pdf');
    await writeFile(page, html);
    await run(
      CHROMIUM,
      [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        `--user-data-dir=${join(dir, 'profile')}`,
        '--no-pdf-header-footer',
        `--print-to-pdf=${pdf}`,
        `file://${page}`,
      ],
      { timeout: 60_000 },
    );
    const info = (await run(PDFINFO, [pdf])).stdout;
    const size = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(info);
    const text = (await run(PDFTOTEXT, ['-layout', pdf, '-'])).stdout;
    return {
      pages: Number(/Pages:\s+(\d+)/.exec(info)?.[1]),
      width: Number(size?.[1]),
      height: Number(size?.[2]),
      pageTexts: text.split('\f').filter((t) => t.trim() !== ''),
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
