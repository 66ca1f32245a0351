import { type Writable } from 'node:stream';
import { type CellValue, isZoned, type TableColumn, type TableWriter } from './table.js';
import { isoWithOffset, russianDateTime } from './zoned-time.js';

/**
 * Two CSVs. `russian` (the default): what a double click in Russian Excel opens correctly — UTF-8
 * with BOM, `;`, decimal comma, «12,3%», «02.12.2026 14:05» in the region's time zone, да/нет,
 * Russian headers. `machine` (`?variant=machine`, for BI): UTF-8 without BOM, `,`, `.`, raw fractions,
 * ISO 8601 with offset, true/false, codes, snake_case headers — RFC 4180 quoting in both.
 */
export type CsvDialect = 'russian' | 'machine';

const BOM = '\uFEFF';

/**
 * Text that a spreadsheet would run as a formula (OWASP, CSV injection): `=`, `+`, `-`, `@`, tab or
 * CR first. Such a cell is written with a leading apostrophe, so it shows as the text it is. Both
 * dialects do it: a machine file can be double-clicked too, and a BI tool loses only the apostrophe.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/** A code Excel would turn into a number or a date on opening the file: «05» → 5, «1-2» → 1 Feb. */
const NUMBER_OR_DATE_LIKE = /^[\d\s.,:/+\-eE]*\d[\d\s.,:/+\-eE]*$/;

/**
 * Why a ZERO WIDTH SPACE before such a code: Excel decides a CSV field's type from its text, and
 * neither quotes nor a text format survive in CSV. `="05"` keeps «05» but is a formula (the guard
 * above forbids formula-looking output, and a formula from data is what injection is); a leading
 * apostrophe stays visible on opening a CSV (it is hidden only when typed). U+200B is not a digit
 * and not whitespace Excel trims, so the field is text and shows «05» — LibreOffice does the same
 * (tests/integration/export-rendering.test.ts opens such a file in it). The character stays in
 * the cell: the XLSX (a text cell) and the machine CSV carry the bare code for anyone who needs it.
 */
export const EXCEL_TEXT_MARK = '\u200B';

function guarded(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

function russianText(value: CellValue, column: TableColumn): string {
  if (value === null) return '';
  if (isZoned(value)) return russianDateTime(value);
  if (typeof value === 'boolean') return value ? 'да' : 'нет';
  if (typeof value === 'number') {
    if (column.kind === 'percent') return `${(value * 100).toFixed(1).replace('.', ',')}%`;
    if (column.kind === 'number') return value.toFixed(column.decimals ?? 2).replace('.', ',');
    return String(value).replace('.', ',');
  }
  const text = guarded(value);
  return column.kind === 'code' && text === value && NUMBER_OR_DATE_LIKE.test(value)
    ? `${EXCEL_TEXT_MARK}${value}`
    : text;
}

function machineText(value: CellValue): string {
  if (value === null) return '';
  if (isZoned(value)) return isoWithOffset(value);
  if (typeof value === 'boolean' || typeof value === 'number') return String(value);
  return guarded(value);
}

/** One field of the dialect, quoted when its text needs it (separator, quote, line break, edge spaces, a guard). */
export function csvField(value: CellValue, column: TableColumn, dialect: CsvDialect): string {
  const text = dialect === 'russian' ? russianText(value, column) : machineText(value);
  const separator = dialect === 'russian' ? ';' : ',';
  const needsQuotes =
    text.includes(separator) ||
    /["\r\n]/.test(text) ||
    /^\s|\s$/.test(text) ||
    // a guarded field is quoted too, so the apostrophe reads as part of the text
    text.startsWith("'");
  return needsQuotes ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * Writes with back-pressure through one lasting `drain` listener: the compression middleware hands
 * `drain` listeners to its gzip stream, where a `once` listener is never removed (one leaked per wait).
 */
function backPressured(out: Writable): (text: string) => Promise<void> {
  let wake: (() => void) | undefined;
  out.on('drain', () => {
    wake?.();
    wake = undefined;
  });
  return async (text) => {
    if (!out.write(text)) await new Promise<void>((resolve) => (wake = resolve));
  };
}

export function csvWriter(out: Writable, dialect: CsvDialect): TableWriter {
  const separator = dialect === 'russian' ? ';' : ',';
  let columns: readonly TableColumn[] = [];
  const write = backPressured(out);
  const line = (fields: string[]) => write(`${fields.join(separator)}\r\n`);
  return {
    header: async (cols) => {
      columns = cols;
      const names = cols.map((c) => (dialect === 'russian' ? c.header : c.key));
      const heading = { key: '', header: '', kind: 'text', width: 0 } as const;
      if (dialect === 'russian') await write(BOM);
      await line(names.map((n) => csvField(n, heading, dialect)));
    },
    row: (cells) => line(columns.map((column, i) => csvField(cells[i] ?? null, column, dialect))),
    end: async () => {
      // not end(callback): compression's end() takes its first argument for a chunk
      await new Promise<void>((resolve) => {
        out.once('finish', resolve);
        out.end();
      });
    },
  };
}
