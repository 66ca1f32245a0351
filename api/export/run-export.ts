import {
  Kind,
  type DocumentNode,
  type GraphQLFormattedError,
  type OperationDefinitionNode,
  type TypeNode,
} from 'graphql';
import { statusOfErrors } from '../http-errors.js';
import { type ExportDefinition, type ExportTable } from './define.js';
import { type TableWriter } from './table.js';

/** Runs one operation as the caller (the API's own pipeline: scope, limits, formatted errors). */
export type Execute = (
  document: DocumentNode,
  variables: Record<string, unknown>,
) => Promise<{ data?: unknown; errors?: readonly GraphQLFormattedError[] }>;

/** Paging is the export's business, not the caller's. */
const INTERNAL = new Set(['first', 'after']);

export class ExportError extends Error {
  constructor(
    readonly errors: readonly GraphQLFormattedError[],
    readonly status: number,
  ) {
    super(errors.map((e) => e.message).join('; '));
  }
}

function namedType(type: TypeNode): { name: string; list: boolean } {
  if (type.kind === Kind.NON_NULL_TYPE) return namedType(type.type);
  if (type.kind === Kind.LIST_TYPE) return { name: namedType(type.type).name, list: true };
  return { name: type.name.value, list: false };
}

/** Int and Float parameters become numbers when they look like numbers; anything else is left for GraphQL to refuse by name. */
function scalar(text: string, type: string): unknown {
  if ((type === 'Int' || type === 'Float') && text.trim() !== '' && Number.isFinite(Number(text)))
    return Number(text);
  if (type === 'Boolean' && (text === 'true' || text === 'false')) return text === 'true';
  return text;
}

/**
 * The operation's variables from a URL's query string, by the operation's own variable
 * definitions: `?year=2026&regionCodes=56,63`. Lists are comma-separated; unknown names are refused.
 */
export function variablesFromQuery(
  definition: ExportDefinition,
  query: Record<string, unknown>,
): Record<string, unknown> {
  const operation = definition.document.definitions.find(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
  );
  const types = new Map(
    (operation?.variableDefinitions ?? [])
      .filter((v) => !INTERNAL.has(v.variable.name.value))
      .map((v) => [v.variable.name.value, namedType(v.type)]),
  );
  const variables: Record<string, unknown> = {};
  const unknown: GraphQLFormattedError[] = [];
  for (const [name, raw] of Object.entries(query)) {
    const type = types.get(name);
    if (!type || typeof raw !== 'string') {
      unknown.push({
        message: `Unknown parameter «${name}»; ${definition.name} takes ${[...types.keys()].join(', ')}`,
        extensions: { code: 'BAD_USER_INPUT', argument: name },
      });
      continue;
    }
    variables[name] = type.list
      ? raw.split(',').map((part) => scalar(part.trim(), type.name))
      : scalar(raw, type.name);
  }
  if (unknown.length) throw new ExportError(unknown, 400);
  return variables;
}

/**
 * Pages through the operation and writes every row of the variant's table. The writer is opened
 * only after the first page succeeded — with that page, which names the file — so a refused export
 * answers with an error instead of a half-written file.
 */
export async function runExport(
  definition: ExportDefinition,
  table: ExportTable,
  execute: Execute,
  variables: Record<string, unknown>,
  open: (firstPage: unknown) => TableWriter,
): Promise<number> {
  let writer: TableWriter | null = null;
  let after: string | null = null;
  let rows = 0;
  do {
    const answer = await execute(definition.document, { ...variables, ...(after ? { after } : {}) });
    if (answer.errors?.length) throw new ExportError(answer.errors, statusOfErrors(answer.errors));
    const page = table.rows(answer.data, rows);
    if (!writer) {
      writer = open(answer.data);
      await writer.header(table.columns);
    }
    for (const cells of page.cells) await writer.row(cells);
    rows += page.cells.length;
    after = page.next;
  } while (after);
  await writer.end();
  return rows;
}
