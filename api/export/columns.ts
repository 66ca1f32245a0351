import { type CellKind, type CellValue, type TableColumn } from './table.js';

/**
 * The columns of an export, by what they hold. A column of the catalogue becomes one or two table
 * columns depending on the layout: an enum is its Russian label and, beside it, its code for
 * documents; only the code for machines.
 */
export type Layout = 'document' | 'machine';

type Maybe<T> = T | null | undefined;

interface Named {
  /** snake_case: the machine variant's header, stable across releases. */
  key: string;
  header: string;
  width?: number;
}

export type Column<N> = Named &
  (
    | { kind: 'text' | 'longText' | 'code'; value(node: N): Maybe<string> }
    | { kind: 'integer' | 'percent'; value(node: N): Maybe<number> }
    | { kind: 'number'; decimals: number; value(node: N): Maybe<number> }
    | { kind: 'boolean'; value(node: N): Maybe<boolean> }
    /** DateTimeISO as the API answers it, read in the zone `timeZone` gives. */
    | { kind: 'datetime'; value(node: N): unknown; timeZone(node: N): string }
    /** `codeColumn: false` where the codes would double a wide sheet (the machine variant has them). */
    | {
        kind: 'enum';
        labels: Readonly<Record<string, string>>;
        codeColumn: boolean;
        value(node: N): Maybe<string>;
      }
    /** «№ п/п»: the row's position in the whole export, from 1. */
    | { kind: 'position' }
  );

/** Widths in characters by kind: enough for the usual value, long text wraps. */
const WIDTHS: Record<CellKind, number> = {
  text: 28,
  longText: 60,
  code: 11,
  integer: 10,
  number: 10,
  percent: 10,
  boolean: 9,
  datetime: 17,
};

export interface ExpandedColumns<N> {
  columns: TableColumn[];
  cells(node: N, position: number): CellValue[];
}

type Part<N> = { column: TableColumn; cell(node: N, position: number): CellValue };

function table(spec: Named, kind: CellKind, decimals?: number): TableColumn {
  return { key: spec.key, header: spec.header, kind, width: spec.width ?? WIDTHS[kind], decimals };
}

function datetimeCell(value: unknown, timeZone: string): CellValue {
  if (value === null || value === undefined) return null;
  const at = value instanceof Date ? value : new Date(String(value));
  return Number.isNaN(at.getTime()) ? null : { at, timeZone };
}

function partsOf<N>(spec: Column<N>, layout: Layout): Part<N>[] {
  switch (spec.kind) {
    case 'position':
      return [{ column: table(spec, 'integer', undefined), cell: (_n, position) => position }];
    case 'number':
      return [{ column: table(spec, 'number', spec.decimals), cell: (n) => spec.value(n) ?? null }];
    case 'datetime':
      return [
        { column: table(spec, 'datetime'), cell: (n) => datetimeCell(spec.value(n), spec.timeZone(n)) },
      ];
    case 'enum': {
      const codeWidth = Math.min(Math.max(...Object.keys(spec.labels).map((c) => c.length), 6) + 2, 20);
      const code: Part<N> = {
        column: table({ ...spec, header: `${spec.header} (код)`, width: codeWidth }, 'code'),
        cell: (n) => spec.value(n) ?? null,
      };
      if (layout === 'machine') return [code];
      const longest = Math.max(...Object.values(spec.labels).map((l) => l.length), 8);
      const label: Part<N> = {
        column: table(
          { ...spec, key: `${spec.key}_label`, width: spec.width ?? Math.min(longest + 2, 30) },
          'text',
        ),
        cell: (n) => {
          const value = spec.value(n);
          return value === null || value === undefined ? null : (spec.labels[value] ?? value);
        },
      };
      return spec.codeColumn ? [label, code] : [label];
    }
    default:
      return [{ column: table(spec, spec.kind), cell: (n) => spec.value(n) ?? null }];
  }
}

export function expandColumns<N>(specs: readonly Column<N>[], layout: Layout): ExpandedColumns<N> {
  const parts = specs.flatMap((s) => partsOf(s, layout));
  return {
    columns: parts.map((p) => p.column),
    cells: (node, position) => parts.map((p) => p.cell(node, position)),
  };
}
