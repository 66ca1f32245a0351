import { type Writable } from 'node:stream';
import ExcelJS from 'exceljs';

/** One cell of an exported table: what Excel can show as a number, text or nothing. */
export type Cell = string | number | boolean | null;

export type TableFormat = 'csv' | 'xlsx';

export const CONTENT_TYPES: Record<TableFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** Writes a table row by row to a stream: constant memory whatever the export's size. */
export interface TableWriter {
  header(columns: readonly string[]): Promise<void>;
  row(cells: readonly Cell[]): Promise<void>;
  end(): Promise<void>;
}

const BOM = '\uFEFF';

/**
 * Text that a spreadsheet would run as a formula (OWASP, CSV injection): `=`, `+`, `-`, `@`, tab or
 * CR first. Such a cell is written with a leading apostrophe, so it shows as the text it is.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/** A CSV field as Russian Excel reads it: `;` between fields, decimal comma, quotes only when needed. */
export function csvField(cell: Cell): string {
  if (cell === null) return '';
  if (typeof cell === 'boolean') return cell ? 'да' : 'нет';
  if (typeof cell === 'number') return String(cell).replace('.', ',');
  const text = FORMULA_START.test(cell) ? `'${cell}` : cell;
  return /[";\r\n]/.test(text) || /^\s|\s$/.test(text) || text !== cell
    ? `"${text.replace(/"/g, '""')}"`
    : text;
}

async function write(out: Writable, text: string): Promise<void> {
  if (!out.write(text)) await new Promise<void>((resolve) => out.once('drain', resolve));
}

/** UTF-8 with BOM and `;`, so that a double click in Excel shows Cyrillic and numbers correctly. */
export function csvWriter(out: Writable): TableWriter {
  return {
    header: (columns) => write(out, `${BOM}${columns.map(csvField).join(';')}\r\n`),
    row: (cells) => write(out, `${cells.map(csvField).join(';')}\r\n`),
    end: async () => {
      await new Promise<void>((resolve) => out.end(resolve));
    },
  };
}

/** The first sheet of a workbook streamed as it is written (exceljs' streaming writer). */
export function xlsxWriter(out: Writable, sheetName: string): TableWriter {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true });
  // Views go with the sheet's options: the streaming writer emits them before the first row.
  const sheet = workbook.addWorksheet(sheetName.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
  return {
    header: async (columns) => {
      const row = sheet.addRow([...columns]);
      row.font = { bold: true };
      row.commit();
    },
    row: async (cells) => {
      sheet.addRow(cells.map((c) => (typeof c === 'boolean' ? (c ? 'да' : 'нет') : c))).commit();
    },
    end: async () => {
      sheet.commit();
      await workbook.commit();
    },
  };
}
