import { type TypedDocumentNode } from '@graphql-typed-document-node/core';
import { type Column, expandColumns, type Layout } from './columns.js';
import { type FileName } from './file-name.js';
import { type CellValue, type TableColumn } from './table.js';
import { type DocumentInfo } from './xlsx-writer.js';

/** A page of an export's operation: its rows and, for connections, where the next page starts. */
export interface ExportPage<N> {
  nodes: readonly N[];
  pageInfo?: { hasNextPage: boolean; endCursor: string | null } | null;
}

/**
 * `?variant=`: `document` (default: Russian headers and labels, formats for Excel), `machine` (CSV
 * for BI: codes, raw numbers, ISO dates, snake_case headers), `appendix` (the ШНОР list's appendix
 * to an order: included schools only, numbered, the columns an order has).
 */
export type Variant = 'document' | 'machine' | 'appendix';
export const VARIANTS: readonly Variant[] = ['document', 'machine', 'appendix'];

/** What names a file besides its rows: the parameters, and the viewer's regions when they name none. */
export interface NamingContext {
  variables: Record<string, unknown>;
  scopeRegionCodes: readonly string[];
}

export interface ExportDocument extends DocumentInfo {
  fileName: FileName;
}

/** One variant of an export: its columns, the variables it sets itself, its rows and its name. */
export interface ExportTable {
  columns: readonly TableColumn[];
  fixedVariables: Record<string, unknown>;
  /** The rows of one answer, `start` rows already written (for «№ п/п»). */
  rows(data: unknown, start: number): { cells: CellValue[][]; next: string | null };
  describe(data: unknown, naming: NamingContext): ExportDocument;
}

export interface ExportDefinition {
  /** The name in `/export/<name>.<format>`. */
  name: string;
  document: TypedDocumentNode<unknown, Record<string, unknown>>;
  variants: readonly Variant[];
  table(variant: Variant): ExportTable;
}

interface TableSpec<Q, N> {
  columns: readonly Column<N>[];
  fixedVariables?: Record<string, unknown>;
  describe(data: Q, naming: NamingContext): ExportDocument;
}

function tableOf<Q, N>(page: (data: Q) => ExportPage<N>, spec: TableSpec<Q, N>, layout: Layout): ExportTable {
  const expanded = expandColumns(spec.columns, layout);
  return {
    columns: expanded.columns,
    fixedVariables: spec.fixedVariables ?? {},
    rows(data, start) {
      const { nodes, pageInfo } = page(data as Q);
      const next = pageInfo?.hasNextPage ? pageInfo.endCursor : null;
      return { cells: nodes.map((n, i) => expanded.cells(n, start + i + 1)), next };
    },
    describe: (data, naming) => spec.describe(data as Q, naming),
  };
}

/** The machine file keeps the document's name with a suffix, so both can sit in one folder. */
function machineNamed(document: ExportDocument): ExportDocument {
  const { ascii, russian } = document.fileName;
  return { ...document, fileName: { ascii: `${ascii}-machine`, russian: `${russian} (для BI)` } };
}

/** Binds an operation, the connection in its answer and the columns of a node, with their types checked. */
export function defineExport<Q, N>(spec: {
  name: string;
  document: TypedDocumentNode<Q, never>;
  page(data: Q): ExportPage<N>;
  main: TableSpec<Q, N>;
  appendix?: TableSpec<Q, N>;
}): ExportDefinition {
  const tables: Partial<Record<Variant, ExportTable>> = {
    document: tableOf(spec.page, spec.main, 'document'),
    machine: tableOf(
      spec.page,
      { ...spec.main, describe: (d, n) => machineNamed(spec.main.describe(d, n)) },
      'machine',
    ),
    ...(spec.appendix ? { appendix: tableOf(spec.page, spec.appendix, 'document') } : {}),
  };
  return {
    name: spec.name,
    document: spec.document as unknown as TypedDocumentNode<unknown, Record<string, unknown>>,
    variants: VARIANTS.filter((v) => tables[v]),
    table(variant) {
      const table = tables[variant];
      if (!table) throw new Error(`${spec.name} has no variant ${variant}`);
      return table;
    },
  };
}
