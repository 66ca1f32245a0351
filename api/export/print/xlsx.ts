import ExcelJS from 'exceljs';
import { type CellValue, isZoned, type TableColumn } from '../table.js';
import { offsetLabel, russianDateTime, wallClockAsUtc } from '../zoned-time.js';
import { type PrintDocument } from './document.js';

/**
 * A printed document as one XLSX sheet: the title block of an order's appendix in the first rows
 * (merged across the table, wrapped; the annex on the right), a blank row, then the table with its
 * header — bold, wrapped, frozen, with an autofilter and repeated on every printed page — and the
 * print setup of every export: A4 in the document's orientation, fitted to the page width (as many
 * pages down as it takes), the title in the page header and «Стр. N из M» in the footer.
 */

const LINE_HEIGHT = 15; // points per line of 11 pt text

function lines(text: string, width: number): number {
  const perLine = Math.max(4, Math.floor(width * 1.1) - 2);
  return text.split('\n').reduce((sum, line) => sum + Math.max(1, Math.ceil(line.length / perLine)), 0);
}

const wraps = (c: TableColumn) => c.kind === 'text' || c.kind === 'longText';

/** Neither Excel nor LibreOffice fits a row to wrapped text on opening: the height is estimated. */
function rowHeight(texts: readonly unknown[], columns: readonly TableColumn[], all = false) {
  let needed = 1;
  columns.forEach((column, i) => {
    const text = texts[i];
    if (typeof text === 'string' && (all || wraps(column)))
      needed = Math.max(needed, lines(text, column.width));
  });
  return needed * LINE_HEIGHT;
}

function cellValue(value: CellValue | undefined): ExcelJS.CellValue {
  if (value === undefined || value === null) return null;
  if (isZoned(value)) return wallClockAsUtc(value);
  if (typeof value === 'boolean') return value ? 'да' : 'нет';
  return value;
}

function numFmtOf(column: TableColumn): string | undefined {
  if (column.kind === 'code') return '@';
  if (column.kind === 'integer') return '0';
  if (column.kind === 'datetime') return 'dd.mm.yyyy hh:mm';
  return undefined;
}

/** Header and footer text: `&` starts a code (`&&` is one), 255 characters at most per section. */
const headerFooterText = (text: string) => text.replace(/&/g, '&&').slice(0, 200);

const THIN = { style: 'thin' as const };
const BORDER: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };

/** A sheet of the document: A4 in its orientation, one page wide, the header row on every page, page numbers. */
function addSheet(
  workbook: ExcelJS.Workbook,
  name: string,
  document: PrintDocument,
  headerRow: number,
  generatedAt: Date,
) {
  const generated = { at: generatedAt, timeZone: document.timeZone };
  return workbook.addWorksheet(name.slice(0, 31), {
    views: [{ state: 'frozen', ySplit: headerRow, topLeftCell: `A${headerRow + 1}` }],
    pageSetup: {
      paperSize: 9, // A4
      orientation: document.orientation,
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0, // as many pages down as the rows need
      printTitlesRow: `${headerRow}:${headerRow}`,
      margins: { left: 0.4, right: 0.4, top: 0.7, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
    headerFooter: {
      oddHeader: `&L&B${headerFooterText(document.title)}`,
      oddFooter: `&LСформировано ${russianDateTime(generated)} (${offsetLabel(generated)})&RСтр. &P из &N`,
    },
  });
}

/** A table at `headerRow`: the bold shaded header with an autofilter, bordered rows as tall as their text. */
function writeTable(
  sheet: ExcelJS.Worksheet,
  headerRow: number,
  table: { columns: readonly TableColumn[]; rows: readonly (readonly CellValue[])[]; empty: string },
) {
  const { columns } = table;
  const last = sheet.getColumn(columns.length).letter;
  const header = sheet.getRow(headerRow);
  header.values = columns.map((c) => c.header);
  header.eachCell((cell) => {
    cell.style = {
      font: { bold: true },
      alignment: { vertical: 'middle', horizontal: 'center', wrapText: true },
      fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE7E6E6' } },
      border: BORDER,
    };
  });
  header.height = rowHeight(
    columns.map((c) => c.header),
    columns.map((c) => ({ ...c, width: c.width * 0.9 })),
    true,
  );
  sheet.autoFilter = `A${headerRow}:${last}${headerRow}`;
  table.rows.forEach((cells, r) => {
    const row = sheet.getRow(headerRow + 1 + r);
    columns.forEach((column, i) => {
      const cell = row.getCell(i + 1);
      cell.value = cellValue(cells[i]);
      const numFmt = numFmtOf(column);
      cell.style = {
        ...(numFmt ? { numFmt } : {}),
        alignment: { vertical: 'top', wrapText: wraps(column) },
        border: BORDER,
      };
    });
    row.height = rowHeight(cells, columns);
  });
  if (table.rows.length === 0) {
    const row = headerRow + 1;
    sheet.mergeCells(`A${row}:${last}${row}`);
    sheet.getCell(`A${row}`).value = table.empty;
    sheet.getCell(`A${row}`).style = { alignment: { horizontal: 'center' }, font: { italic: true } };
  }
}

/** A report's further tables as sheets of their own, its texts on one sheet; charts are the tables' data. */
function writeSections(workbook: ExcelJS.Workbook, document: PrintDocument, generatedAt: Date) {
  const texts: { heading: string; text: string }[] = [];
  for (const section of document.sections ?? []) {
    if (section.kind === 'text') texts.push(section);
    if (section.kind !== 'table') continue;
    const sheet = addSheet(workbook, section.sheet, document, 2, generatedAt);
    sheet.columns = section.columns.map((c) => ({ key: c.key, width: c.width }));
    sheet.getCell('A1').value = section.heading;
    sheet.getCell('A1').style = { font: { bold: true, size: 12 } };
    writeTable(sheet, 2, section);
  }
  if (!texts.length) return;
  const sheet = addSheet(workbook, 'Выводы', document, 1, generatedAt);
  sheet.columns = [{ key: 'text', width: 100 }];
  texts.forEach((t, i) => {
    const title = sheet.getCell(`A${2 * i + 1}`);
    title.value = t.heading;
    title.style = { font: { bold: true } };
    const body = sheet.getCell(`A${2 * i + 2}`);
    body.value = t.text;
    body.style = { alignment: { vertical: 'top', wrapText: true } };
    sheet.getRow(2 * i + 2).height = lines(t.text, 100) * LINE_HEIGHT;
  });
}

export async function printXlsx(document: PrintDocument, generatedAt = new Date()): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'shnor-analytics';
  workbook.title = document.title;
  const { columns } = document;
  const titleRows = (document.annex ? 1 : 0) + document.heading.length;
  const headerRow = titleRows + 2; // a blank row between the title block and the table
  const sheet = addSheet(workbook, document.sheet, document, headerRow, generatedAt);
  sheet.columns = columns.map((c) => ({ key: c.key, width: c.width }));
  const totalWidth = columns.reduce((sum, c) => sum + c.width, 0);
  const last = sheet.getColumn(columns.length).letter;

  let at = 1;
  const block = (text: string, style: Partial<ExcelJS.Style>, span = { from: 1, width: totalWidth }) => {
    const fromLetter = sheet.getColumn(span.from).letter;
    sheet.mergeCells(`${fromLetter}${at}:${last}${at}`);
    const cell = sheet.getCell(`${fromLetter}${at}`);
    cell.value = text;
    cell.style = style;
    sheet.getRow(at).height = lines(text, span.width * (style.font?.bold ? 0.9 : 1)) * LINE_HEIGHT;
    at += 1;
  };
  if (document.annex) {
    // The annex sits over the right part of the table, as in the order: its last columns, a third at least.
    let from = columns.length;
    let width = columns[from - 1]?.width ?? 0;
    while (from > 1 && width < totalWidth / 3) {
      from -= 1;
      width += columns[from - 1]?.width ?? 0;
    }
    block(
      document.annex,
      { alignment: { horizontal: 'right', vertical: 'top', wrapText: true } },
      { from, width },
    );
  }
  document.heading.forEach((text, i) =>
    block(text, {
      font: { bold: i === 0, size: i === 0 ? 12 : 11 },
      alignment: { horizontal: 'center', vertical: 'middle', wrapText: true },
    }),
  );
  writeTable(sheet, headerRow, document);
  writeSections(workbook, document, generatedAt);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
