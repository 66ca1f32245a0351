import ExcelJS from 'exceljs';

/** A downloaded workbook read back with exceljs, and its first sheet. */
export async function firstSheet(bytes: Buffer): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer); // exceljs' types predate Node's Buffer generics
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new Error('the workbook has no sheet');
  return sheet;
}

/** Row 1's texts, 0-based (column n of the sheet is index n − 1). */
export function headerOf(sheet: ExcelJS.Worksheet): string[] {
  const header: string[] = [];
  sheet.getRow(1).eachCell({ includeEmpty: true }, (cell, n) => {
    header[n - 1] = String(cell.value ?? '');
  });
  return header;
}

/** The cells of one column below the header, by its header text. */
export function columnCells(sheet: ExcelJS.Worksheet, header: string): ExcelJS.Cell[] {
  const index = headerOf(sheet).indexOf(header);
  if (index < 0) throw new Error(`no column «${header}»`);
  const cells: ExcelJS.Cell[] = [];
  sheet.eachRow((row, n) => {
    if (n > 1) cells.push(row.getCell(index + 1));
  });
  return cells;
}

/** The Russian file name of a Content-Disposition's RFC 5987 `filename*`, and its ASCII `filename`. */
export function dispositionNames(header: string | null): { ascii?: string; russian?: string } {
  const ascii = /filename="([^"]*)"/.exec(header ?? '')?.[1];
  const encoded = /filename\*=UTF-8''([^;]+)/.exec(header ?? '')?.[1];
  return { ascii, russian: encoded ? decodeURIComponent(encoded) : undefined };
}
