/**
 * What an export writes, whatever the file: typed columns and their cells. The writers (csv-writer.ts,
 * xlsx-writer.ts) decide how each kind looks in their format; the catalogue only says what a column is.
 */

/**
 * - `text`, `longText` (wrapped, wide: sentences): text as it is.
 * - `code`: an identifier that must stay text (region «05», a login): never a number in a spreadsheet.
 * - `integer`, `number` (with `decimals`), `percent` (a fraction 0…1, shown as %).
 * - `boolean`: да/нет for people, true/false for machines.
 * - `datetime`: an instant with the time zone it is shown in.
 */
export type CellKind =
  | 'text'
  | 'longText'
  | 'code'
  | 'integer'
  | 'number'
  | 'percent'
  | 'boolean'
  | 'datetime';

/** An instant and the zone whose clock shows it (the region's). */
export interface ZonedInstant {
  at: Date;
  timeZone: string;
}

export type CellValue = string | number | boolean | ZonedInstant | null;

export interface TableColumn {
  /** Stable machine name (snake_case): the header of the machine variant. */
  key: string;
  /** Russian header of the document variants. */
  header: string;
  kind: CellKind;
  /** Width in characters (XLSX). */
  width: number;
  /** Decimals shown for `number` (percent always shows one). */
  decimals?: number;
}

/** Writes a table row by row to a stream: constant memory whatever the export's size. */
export interface TableWriter {
  header(columns: readonly TableColumn[]): Promise<void>;
  row(cells: readonly CellValue[]): Promise<void>;
  end(): Promise<void>;
}

export type TableFormat = 'csv' | 'xlsx';

export const CONTENT_TYPES: Record<TableFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

export function isZoned(value: CellValue): value is ZonedInstant {
  return typeof value === 'object' && value !== null;
}
