import { type TypedDocumentNode } from '@graphql-typed-document-node/core';
import { type DocumentNode, type GraphQLFormattedError } from 'graphql';
import { statusOfErrors } from '../../http-errors.js';
import { type FileName } from '../file-name.js';
import { ExportError } from '../run-export.js';
import { type CellValue, type TableColumn } from '../table.js';
import { wallClock } from '../zoned-time.js';

/**
 * A printed document: a title block above one table, as an order's appendix is laid out — «Приложение
 * к приказу … от … № …» on the right, the title, the lines that say what it covers, then the table.
 * XLSX (print/xlsx.ts), HTML for a browser to print (print/html.ts) and CSV (the table only) are
 * written from it. Unlike the streamed exports of define.ts, a document is built whole: roadmaps,
 * appendices and working groups are a page or a few, never thousands of rows.
 */
export interface PrintDocument {
  /** The page header of every printed page and the HTML title. */
  title: string;
  /** «Приложение к приказу …»: right-aligned above the title; absent when no order is known. */
  annex?: string;
  /** The heading lines under the annex: the first is the title in bold. */
  heading: readonly string[];
  columns: readonly TableColumn[];
  rows: readonly (readonly CellValue[])[];
  /** What a document with no rows says instead of an empty table. */
  empty: string;
  orientation: 'portrait' | 'landscape';
  sheet: string;
  fileName: FileName;
  /** The zone of «Сформировано …» (the region's). */
  timeZone: string;
  /** A report's further parts after the table, in order (a table becomes a sheet of its own in XLSX). */
  sections?: readonly PrintSection[];
}

/** A part of a report: another table, a text as written, or a chart drawn on the server (SVG). */
export type PrintSection =
  | {
      kind: 'table';
      heading: string;
      sheet: string;
      columns: readonly TableColumn[];
      rows: readonly (readonly CellValue[])[];
      empty: string;
    }
  | { kind: 'text'; heading: string; text: string }
  | { kind: 'figure'; heading: string; svg: string };

/** Runs one committed operation as the caller: the API's pipeline, scope and limits. */
export type Run = <Q, V extends Record<string, unknown>>(
  document: TypedDocumentNode<Q, V>,
  variables: V,
) => Promise<Q>;

/** One document of `/export/<name>.<xlsx|html|csv>`: the parameters it takes and how it is built. */
export interface PrintDefinition {
  name: string;
  /** Parameter names and whether each is required; anything else is refused. */
  parameters: Readonly<Record<string, { required: boolean; list?: boolean; date?: boolean }>>;
  build(run: Run, parameters: Readonly<Record<string, string | string[]>>): Promise<PrintDocument>;
}

export type PrintFormat = 'xlsx' | 'html' | 'csv';

function refused(message: string, argument: string): ExportError {
  return new ExportError([{ message, extensions: { code: 'BAD_USER_INPUT', argument } }], 400);
}

export function notFound(message: string, argument: string): ExportError {
  return new ExportError([{ message, extensions: { code: 'NOT_FOUND', argument } }], 404);
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The query string by the definition's parameters: unknown and missing names refused, lists at commas. */
export function parametersOf(
  definition: PrintDefinition,
  query: Record<string, unknown>,
): Record<string, string | string[]> {
  const errors: GraphQLFormattedError[] = [];
  const out: Record<string, string | string[]> = {};
  const takes = Object.keys(definition.parameters).join(', ');
  for (const [name, raw] of Object.entries(query)) {
    const spec = definition.parameters[name];
    if (!spec || typeof raw !== 'string') {
      errors.push(refused(`Unknown parameter «${name}»; ${definition.name} takes ${takes}`, name).errors[0]!);
      continue;
    }
    if (spec.date && !ISO_DATE.test(raw)) {
      errors.push(refused(`«${name}» must be a date YYYY-MM-DD, got «${raw}»`, name).errors[0]!);
      continue;
    }
    out[name] = spec.list
      ? raw
          .split(',')
          .map((p) => p.trim())
          .filter(Boolean)
      : raw;
  }
  for (const [name, spec] of Object.entries(definition.parameters))
    if (spec.required && out[name] === undefined)
      errors.push(refused(`${definition.name} needs «${name}»`, name).errors[0]!);
  if (errors.length) throw new ExportError(errors, 400);
  return out;
}

/** An executor's answer as data, or the export refused with the API's own errors and status. */
export function runWith(
  execute: (
    document: DocumentNode,
    variables: Record<string, unknown>,
  ) => Promise<{ data?: unknown; errors?: readonly GraphQLFormattedError[] }>,
): Run {
  return async (document, variables) => {
    const answer = await execute(document, variables);
    if (answer.errors?.length) throw new ExportError(answer.errors, statusOfErrors(answer.errors));
    return answer.data as never;
  };
}

/** Every node of a connection, page after page (an operation with `$first`/`$after`). */
export async function allPages<N>(
  page: (after: string | undefined) => Promise<{
    nodes: readonly N[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  }>,
): Promise<N[]> {
  const nodes: N[] = [];
  let after: string | undefined;
  for (;;) {
    const answer = await page(after);
    nodes.push(...answer.nodes);
    if (!answer.pageInfo.hasNextPage || !answer.pageInfo.endCursor) return nodes;
    after = answer.pageInfo.endCursor;
  }
}

const two = (n: number) => String(n).padStart(2, '0');

/** «2020-09-10» → «10.09.2020», as an order writes a date. */
export function russianDate(iso: unknown): string {
  const [, y, m, d] = /^(\d{4})-(\d{2})-(\d{2})/.exec(String(iso)) ?? [];
  return y && m && d ? `${d}.${m}.${y}` : String(iso ?? '');
}

/** Today on the region's clock, as `YYYY-MM-DD` (what `status(asOf)` defaults to). */
export function todayIn(timeZone: string, at = new Date()): string {
  const c = wallClock({ at, timeZone });
  return `${c.year}-${two(c.month)}-${two(c.day)}`;
}

/** «Приложение к приказу от 10.09.2020 № 01-10/142-2» and, on its own line, who issued it. */
export function annexOf(order: { number: string; date: unknown; issuer?: string | null } | null | undefined) {
  if (!order) return undefined;
  const date = order.date ? ` от ${russianDate(order.date)}` : '';
  return `Приложение к приказу${date} № ${order.number}${order.issuer ? `\n${order.issuer}` : ''}`;
}

/** «приказ от 10.09.2020 № 01-10/142-2»: an order named in a cell or a line. */
export function orderText(order: { number: string; date: unknown } | null | undefined): string | null {
  if (!order) return null;
  return `приказ${order.date ? ` от ${russianDate(order.date)}` : ''} № ${order.number}`;
}

/** Table columns of a printed document: key, Russian header, kind, width in characters. */
export function column(key: string, header: string, kind: TableColumn['kind'], width: number): TableColumn {
  return { key, header, kind, width };
}
