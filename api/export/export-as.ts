import { type ApolloServer } from '@apollo/server';
import { type Writable } from 'node:stream';
import { audit } from '../../db/audit.js';
import { sql } from '../../db/sql.js';
import { type Context } from '../context.js';
import { EXPORTS } from './catalogue.js';
import { csvWriter } from './csv-writer.js';
import { type ExportDefinition, type Variant, VARIANTS } from './define.js';
import { type FileName } from './file-name.js';
import { ExportError, runExport, variablesFromQuery, type Execute } from './run-export.js';
import { CONTENT_TYPES, type TableFormat } from './table.js';
import { xlsxWriter } from './xlsx-writer.js';

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

/** What the stream is opened with: its content type and the file's name (without extension). */
export interface ExportOutput {
  contentType: string;
  fileName: FileName;
  extension: TableFormat;
}

/** Runs an operation through Apollo as the viewer: validation, query limits, resolvers, formatError. */
function executorFor(apollo: ApolloServer<Context>, context: Context): Execute {
  return async (document, variables) => {
    const response = await apollo.executeOperation({ query: document, variables }, { contextValue: context });
    if (response.body.kind !== 'single') throw new Error('an export operation must not stream');
    return response.body.singleResult;
  };
}

function refusal(message: string): ExportError {
  return new ExportError([{ message, extensions: { code: 'BAD_USER_INPUT', argument: 'variant' } }], 400);
}

/** `?variant=`, taken out of the operation's parameters: one the export has, machine for CSV only. */
function variantOf(target: ExportFile, raw: unknown): Variant {
  if (raw === undefined) return 'document';
  const variant = VARIANTS.find((v) => v === raw);
  const { definition, format } = target;
  if (!variant || !definition.variants.includes(variant))
    throw refusal(
      `Unknown variant «${String(raw)}»; ${definition.name} has ${definition.variants.join(', ')}`,
    );
  if (variant === 'machine' && format !== 'csv')
    throw refusal('variant=machine is a CSV for BI tools: ask for .csv (XLSX is the document)');
  return variant;
}

/** The codes of the viewer's regions, for a file name when the parameters name no region. */
async function scopeRegionCodes(context: Context): Promise<string[]> {
  const { scope } = context.viewer;
  if (scope.kind !== 'REGIONS' || scope.regionIds.length === 0) return [];
  const rows = await context.db.query<{ code: string }>(
    sql`select code from region where ${sql.in(sql`id`, scope.regionIds)} order by code`,
  );
  return rows.map((r) => r.code);
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
  open: (output: ExportOutput) => Writable,
): Promise<number> {
  const { definition, format, file } = target;
  const { variant: rawVariant, ...parameters } = query;
  const variant = variantOf(target, rawVariant);
  const table = definition.table(variant);
  const variables = { ...variablesFromQuery(definition, parameters), ...table.fixedVariables };
  const naming = { variables, scopeRegionCodes: await scopeRegionCodes(context) };
  const rows = await runExport(definition, table, executorFor(apollo, context), variables, (firstPage) => {
    const document = table.describe(firstPage, naming);
    const out = open({ contentType: CONTENT_TYPES[format], fileName: document.fileName, extension: format });
    if (format === 'xlsx') return xlsxWriter(out, document);
    return csvWriter(out, variant === 'machine' ? 'machine' : 'russian');
  });
  await audit(context.db, context.viewer, 'export', file, { variables, variant, rows });
  return rows;
}
