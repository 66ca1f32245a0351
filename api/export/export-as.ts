import { type ApolloServer } from '@apollo/server';
import { type Writable } from 'node:stream';
import { audit } from '../audit/audit-log.js';
import { type Context } from '../context.js';
import { EXPORTS } from './catalogue.js';
import { type ExportDefinition } from './define.js';
import { runExport, variablesFromQuery, type Execute } from './run-export.js';
import { CONTENT_TYPES, csvWriter, type TableFormat, xlsxWriter } from './table-writer.js';

/** `<name>.<csv|xlsx>`: which export, in which format; null for anything else. */
export interface ExportFile {
  file: string;
  definition: ExportDefinition;
  format: TableFormat;
}

export function exportFileOf(file: string): ExportFile | null {
  const [, name = '', format] = /^([a-z-]+)\.(csv|xlsx)$/.exec(file) ?? [];
  const definition = EXPORTS.get(name);
  return definition && format ? { file, definition, format: format as TableFormat } : null;
}

/** Runs an operation through Apollo as the viewer: validation, query limits, resolvers, formatError. */
function executorFor(apollo: ApolloServer<Context>, context: Context): Execute {
  return async (document, variables) => {
    const response = await apollo.executeOperation({ query: document, variables }, { contextValue: context });
    if (response.body.kind !== 'single') throw new Error('an export operation must not stream');
    return response.body.singleResult;
  };
}

/**
 * One export as the context's viewer, for the HTTP route and the CLI alike: the parameters from
 * `query`, every row written to the stream `open` gives once the first page is in (so a refusal is
 * an ExportError, not a half-written file), and its audit entry. Returns the number of rows.
 */
export async function exportAs(
  apollo: ApolloServer<Context>,
  context: Context,
  target: ExportFile,
  query: Record<string, unknown>,
  open: (contentType: string) => Writable,
): Promise<number> {
  const { definition, format, file } = target;
  const variables = variablesFromQuery(definition, query);
  const rows = await runExport(definition, executorFor(apollo, context), variables, () => {
    const out = open(CONTENT_TYPES[format]);
    return format === 'csv' ? csvWriter(out) : xlsxWriter(out, definition.sheet);
  });
  await audit(context.db, context.viewer, 'export', file, { variables, rows });
  return rows;
}
