/* global Blob, URL, document, setTimeout, window */
// Turns the panel's table into a file the browser saves, without any request: the file is built
// in the page and handed to the browser as a blob: URL (CSP does not govern downloads, and blob:
// URLs never touch the network).
import { csvText, fileName, xlsxCells } from './table-model.js';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function save(name, blob) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked a little later rather than at once: some browsers read the URL after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

export function downloadCsv(operationName, table) {
  const text = csvText(table.columns, table.rows);
  save(fileName(operationName, 'csv'), new Blob([text], { type: 'text/csv;charset=utf-8' }));
}

let excel;

/**
 * exceljs' browser build (about 850 KB) is fetched the first time someone asks for an XLSX, not
 * with the page: most sessions never need it. Same origin, so script-src 'self' allows it.
 */
function loadExcelJs(src) {
  excel ??= new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = src;
    script.onload = () => resolve(window.ExcelJS);
    script.onerror = () => {
      excel = undefined; // let a later click try again
      reject(new Error(`не удалось загрузить ${src}`));
    };
    document.head.append(script);
  });
  return excel;
}

/** Column widths in characters from the longest text in the column, within reason. */
const widths = (table) =>
  table.columns.map((name, i) =>
    Math.min(
      60,
      Math.max(8, name.length, ...table.rows.slice(0, 1000).map((r) => String(r[i] ?? '').length)) + 2,
    ),
  );

/**
 * The table as the first sheet, laid out like the server's exports: bold header row, frozen, with
 * an autofilter. Text goes in as text (shared strings), so `=…` is never read as a formula.
 */
export async function downloadXlsx(excelScript, operationName, table) {
  const ExcelJS = await loadExcelJs(excelScript);
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet((operationName || 'Результат').slice(0, 31), {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  sheet.columns = widths(table).map((width) => ({ width }));
  sheet.addRow(table.columns).font = { bold: true };
  if (table.columns.length > 0)
    sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: table.columns.length } };
  for (const row of table.rows) sheet.addRow(xlsxCells(row));
  const buffer = await workbook.xlsx.writeBuffer();
  save(fileName(operationName, 'xlsx'), new Blob([buffer], { type: XLSX_TYPE }));
}
