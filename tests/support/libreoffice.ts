import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { promisify } from 'node:util';

/**
 * LibreOffice as a second reader of the exports: it opens a CSV the way a spreadsheet user does and
 * prints an XLSX to PDF with the file's own page setup. `SOFFICE_PATH`, else `soffice` or
 * `libreoffice` on the PATH (Debian: `apt-get install libreoffice-calc-nogui`); tests that need it
 * skip, saying so, when there is none.
 */
const run = promisify(execFile);

function onPath(name: string): string | null {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    const candidate = join(dir, name);
    if (dir && existsSync(candidate)) return candidate;
  }
  return null;
}

export const SOFFICE: string | null = process.env.SOFFICE_PATH ?? onPath('soffice') ?? onPath('libreoffice');
/** poppler's pdftotext, for the text of a printed page (`apt-get install poppler-utils`). */
export const PDFTOTEXT: string | null = onPath('pdftotext');

export const NO_SOFFICE =
  'LibreOffice not found (set SOFFICE_PATH or install libreoffice-calc-nogui): rendering checks skipped';

/**
 * Converts `bytes` (a file ending in `extension`) with LibreOffice headless; `filter` is the
 * `--convert-to` target (e.g. `pdf`, `xlsx`), `inFilter` an optional import filter with options.
 * Each call has a profile of its own, so conversions never share (or lock) one.
 */
export async function convertWithLibreOffice(
  bytes: Buffer,
  extension: string,
  filter: string,
  inFilter?: string,
): Promise<Buffer> {
  if (!SOFFICE) throw new Error(NO_SOFFICE);
  const dir = await mkdtemp(join(tmpdir(), 'export-render-'));
  try {
    const input = join(dir, `file.${extension}`);
    await writeFile(input, bytes);
    const args = ['--headless', '--norestore', `-env:UserInstallation=file://${dir}/profile`];
    if (inFilter) args.push(`--infilter=${inFilter}`);
    await run(SOFFICE, [...args, '--convert-to', filter, '--outdir', join(dir, 'out'), input], {
      timeout: 120_000,
    });
    return await readFile(join(dir, 'out', `file.${filter.split(':')[0]}`));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The pages of a PDF and each page's MediaBox (width × height in points), read from its objects. */
export function pdfPages(pdf: Buffer): { width: number; height: number }[] {
  const text = pdf.toString('latin1');
  const boxes = [...text.matchAll(/\/Type\s*\/Page[^s][\s\S]*?\/MediaBox\s*\[\s*([\d.\s-]+)\]/g)];
  return boxes.map((m) => {
    const [x0 = 0, y0 = 0, x1 = 0, y1 = 0] = (m[1] ?? '').trim().split(/\s+/).map(Number);
    return { width: x1 - x0, height: y1 - y0 };
  });
}

/** The text of one page (from 1) of a PDF, laid out as printed. */
export async function pdfPageText(pdf: Buffer, page: number): Promise<string> {
  if (!PDFTOTEXT) throw new Error('pdftotext not found (poppler-utils)');
  const dir = await mkdtemp(join(tmpdir(), 'export-pdf-'));
  try {
    await writeFile(join(dir, 'file.pdf'), pdf);
    const { stdout } = await run(PDFTOTEXT, [
      '-f',
      String(page),
      '-l',
      String(page),
      join(dir, 'file.pdf'),
      '-',
    ]);
    return stdout;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
