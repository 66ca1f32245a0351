import { type TypedDocumentNode } from '@graphql-typed-document-node/core';
import { type Cell } from './table-writer.js';

/** A page of an export's operation: its rows and, for connections, where the next page starts. */
export interface ExportPage<N> {
  nodes: readonly N[];
  pageInfo?: { hasNextPage: boolean; endCursor: string | null } | null;
}

export interface ExportDefinition {
  /** The name in `/export/<name>.<format>`. */
  name: string;
  sheet: string;
  document: TypedDocumentNode<unknown, Record<string, unknown>>;
  columns: readonly string[];
  /** The rows of one answer, as cells in the order of `columns`. */
  rows(data: unknown): { cells: Cell[][]; next: string | null };
}

export interface Column<N> {
  header: string;
  value(node: N): Cell;
}

/** Binds an operation, the connection in its answer and the columns of a node, with their types checked. */
export function defineExport<Q, N>(spec: {
  name: string;
  sheet: string;
  document: TypedDocumentNode<Q, never>;
  page(data: Q): ExportPage<N>;
  columns: readonly Column<N>[];
}): ExportDefinition {
  return {
    name: spec.name,
    sheet: spec.sheet,
    document: spec.document as unknown as TypedDocumentNode<unknown, Record<string, unknown>>,
    columns: spec.columns.map((c) => c.header),
    rows(data) {
      const page = spec.page(data as Q);
      const next = page.pageInfo?.hasNextPage ? page.pageInfo.endCursor : null;
      return { cells: page.nodes.map((n) => spec.columns.map((c) => c.value(n))), next };
    },
  };
}

type SchoolRef = {
  code: string;
  name: string;
  municipality: { name: string; region: { code: string; name: string } };
} | null;

/** Where a school is: the first columns of every school-level export. */
export function schoolColumns<N extends { school: SchoolRef }>(): Column<N>[] {
  return [
    { header: 'Регион (код)', value: (n) => n.school?.municipality.region.code ?? null },
    { header: 'Регион', value: (n) => n.school?.municipality.region.name ?? null },
    { header: 'Муниципалитет', value: (n) => n.school?.municipality.name ?? null },
    { header: 'Логин', value: (n) => n.school?.code ?? null },
    { header: 'ОО', value: (n) => n.school?.name ?? null },
  ];
}

/** Markers in one cell: code, year, grade and subject of each. */
export function markerText(
  markers: readonly { code: string; year: number; grade: number; subject: string }[],
): string {
  return markers.map((m) => `${m.code} ${m.year} ${m.grade} ${m.subject}`).join(', ');
}
