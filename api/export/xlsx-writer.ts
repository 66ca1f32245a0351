import { type Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { type CellKind, type CellValue, isZoned, type TableColumn, type TableWriter } from './table.js';
import { offsetLabel, russianDateTime, wallClockAsUtc } from './zoned-time.js';

/** What makes a table a document: its title, its sheet, the clock of «сформировано». */
export interface DocumentInfo {
  title: string;
  sheet: string;
  /** The zone «Сформировано …» in the footer is read in (the region's, when there is one). */
  timeZone: string;
}

/** Excel's own formats: percent as a percentage of the stored fraction, codes as text (`@`). */
function numFmtOf(column: TableColumn): string | undefined {
  const formats: Partial<Record<CellKind, string>> = {
    code: '@',
    integer: '0',
    number: `0.${'0'.repeat(column.decimals ?? 2)}`,
    percent: '0.0%',
    datetime: 'dd.mm.yyyy hh:mm',
  };
  return formats[column.kind];
}

function styleOf(column: TableColumn): Partial<ExcelJS.Style> {
  const numFmt = numFmtOf(column);
  return {
    ...(numFmt ? { numFmt } : {}),
    alignment: { vertical: 'top', wrapText: column.kind === 'longText' || column.kind === 'text' },
  };
}

const HEADER_STYLE: Partial<ExcelJS.Style> = {
  font: { bold: true },
  alignment: { vertical: 'middle', horizontal: 'center', wrapText: true },
  fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE7E6E6' } },
  border: { bottom: { style: 'thin' } },
};

/** Header and footer text is a little language of its own: `&` starts a code, `&&` is an ampersand. */
function headerFooterText(text: string): string {
  // Excel refuses a header or footer section longer than 255 characters.
  return text.replace(/&/g, '&&').slice(0, 200);
}

function cellValue(value: CellValue): ExcelJS.CellValue {
  if (isZoned(value)) return wallClockAsUtc(value);
  if (typeof value === 'boolean') return value ? 'да' : 'нет';
  return value;
}

const LINE_HEIGHT = 15; // points per line of 11 pt text

/**
 * A row tall enough for its wrapped text. Neither Excel nor LibreOffice fits a row's height to
 * wrapped text on opening a file, so a row of default height would show one line of a sentence.
 * The estimate counts characters per line of the column's width (word breaks make a little more).
 */
function rowHeight(
  texts: readonly unknown[],
  columns: readonly TableColumn[],
  wraps: (c: TableColumn) => boolean,
) {
  let lines = 1;
  columns.forEach((column, i) => {
    const text = texts[i];
    if (typeof text !== 'string' || !wraps(column)) return;
    const perLine = Math.max(4, Math.floor(column.width * 1.1) - 2);
    const needed = text
      .split('\n')
      .reduce((sum, line) => sum + Math.max(1, Math.ceil(line.length / perLine)), 0);
    lines = Math.max(lines, needed);
  });
  return lines > 1 ? lines * LINE_HEIGHT : undefined;
}

const wrapsData = (c: TableColumn) => c.kind === 'text' || c.kind === 'longText';

function columnLetter(n: number): string {
  let letters = '';
  for (let i = n; i > 0; i = Math.floor((i - 1) / 26))
    letters = String.fromCharCode(65 + ((i - 1) % 26)) + letters;
  return letters;
}

/**
 * One sheet, streamed as it is written (exceljs' streaming writer), laid out to be read and
 * printed: header in row 1 — bold, wrapped, frozen, with an autofilter and repeated on every
 * printed page — column widths and number formats by kind, A4 landscape fitted to the page width
 * (as many pages down as it takes), the title in the page header and «Стр. N из M» in the footer.
 */
export function xlsxWriter(out: Writable, document: DocumentInfo): TableWriter {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true });
  workbook.creator = 'shnor-analytics';
  workbook.title = document.title;
  const generated = { at: new Date(), timeZone: document.timeZone };
  // Views go with the sheet's options: the streaming writer emits them before the first row.
  const sheet = workbook.addWorksheet(document.sheet.slice(0, 31), {
    views: [{ state: 'frozen', ySplit: 1, topLeftCell: 'A2', activeCell: 'A2' }],
    pageSetup: {
      paperSize: 9, // A4
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0, // 0: as many pages down as the rows need
      printTitlesRow: '1:1',
      margins: { left: 0.4, right: 0.4, top: 0.7, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
    headerFooter: {
      oddHeader: `&L&B${headerFooterText(document.title)}`,
      oddFooter:
        `&LСформировано ${russianDateTime(generated)} (${offsetLabel(generated)})` + '&RСтр. &P из &N',
    },
  });
  let columns: readonly TableColumn[] = [];
  return {
    header: async (tableColumns) => {
      columns = tableColumns;
      // Columns (widths, formats) are written before the first row, so they are set here.
      sheet.columns = columns.map((c) => ({ key: c.key, width: c.width, style: styleOf(c) }));
      sheet.autoFilter = `A1:${columnLetter(columns.length)}1`;
      const headers = columns.map((c) => c.header);
      const row = sheet.addRow(headers);
      row.eachCell((cell) => {
        cell.style = HEADER_STYLE;
      });
      // Bold text is wider: the header wraps a little sooner than the estimate for data.
      row.height =
        rowHeight(
          headers,
          columns.map((c) => ({ ...c, width: c.width * 0.9 })),
          () => true,
        ) ?? LINE_HEIGHT;
      row.commit();
    },
    row: async (cells) => {
      const row = sheet.addRow(cells.map(cellValue));
      const height = rowHeight(cells, columns, wrapsData);
      if (height) row.height = height;
      row.commit();
    },
    end: async () => {
      sheet.commit();
      await workbook.commit();
    },
  };
}
