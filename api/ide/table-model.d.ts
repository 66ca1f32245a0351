// Types of table-model.js, a plain browser ES module, for the TypeScript that tests it.

/** One cell: what JSON gives and a spreadsheet can hold. */
export type Cell = string | number | boolean | null;

export interface ListInfo {
  /** Dotted path from the answer's root, e.g. `data.schools.nodes`. */
  path: string;
  length: number;
}

export interface Table {
  columns: string[];
  rows: Cell[][];
}

export const SHOWN_ROWS: number;
export const VALUE_COLUMN: string;
export const EXCEL_TEXT_MARK: string;
export function findLists(response: unknown): ListInfo[];
export function defaultPath(response: unknown, lists?: readonly ListInfo[]): string | null;
export function rowsAt(response: unknown, path: string): unknown[];
export function toTable(items: readonly unknown[]): Table;
export function csvField(cell: Cell): string;
export function csvText(columns: readonly string[], rows: readonly (readonly Cell[])[]): string;
export function shownCell(cell: Cell): string;
export function xlsxCells(row: readonly Cell[]): (string | number | null)[];
export function fileName(operationName: string | null | undefined, extension: string): string;
