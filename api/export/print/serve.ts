import { type ApolloServer } from '@apollo/server';
import { type Response } from 'express';
import { PassThrough } from 'node:stream';
import { audit } from '../../../db/audit.js';
import { type Context } from '../../context.js';
import { PRINTED } from '../catalogue.js';
import { csvWriter } from '../csv-writer.js';
import { contentDisposition, type FileName } from '../file-name.js';
import { CONTENT_TYPES } from '../table.js';
import {
  parametersOf,
  type PrintDefinition,
  type PrintDocument,
  type PrintFormat,
  runWith,
} from './document.js';
import { printHtml } from './html.js';
import { printXlsx } from './xlsx.js';

/** `<name>.<xlsx|html|csv>` of a printed document; null for anything else. */
export interface PrintFile {
  file: string;
  definition: PrintDefinition;
  format: PrintFormat;
}

export function printFileOf(file: string): PrintFile | null {
  const [, name = '', format] = /^([a-z-]+)\.(xlsx|html|csv)$/.exec(file) ?? [];
  const definition = PRINTED.get(name);
  return definition && format ? { file, definition, format: format as PrintFormat } : null;
}

/** The table of a document as the Russian-Excel CSV of the exports (the title block is the XLSX's). */
async function csvOf(document: PrintDocument): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (chunk: Buffer) => chunks.push(chunk));
  const writer = csvWriter(out, 'russian');
  await writer.header(document.columns);
  for (const row of document.rows) await writer.row(row);
  await writer.end();
  return Buffer.concat(chunks);
}

export interface Printed {
  /** What the document is named (file-name.ts) and its extension: the CLI's file without --out. */
  fileName: FileName;
  format: PrintFormat;
  contentType: string;
  body: Buffer | string;
  /** HTML only: the page is shown, not saved, and carries its own Content-Security-Policy. */
  csp?: string;
  disposition: string;
  rows: number;
}

/**
 * Builds one printed document as the context's viewer — every operation through Apollo, so scope,
 * permissions and limits apply as to any request — and writes its audit entry. A refusal is an
 * ExportError (the route answers it as JSON, nothing half-written).
 */
export async function printAs(
  apollo: ApolloServer<Context>,
  context: Context,
  target: PrintFile,
  query: Record<string, unknown>,
): Promise<Printed> {
  const { definition, format, file } = target;
  const parameters = parametersOf(definition, query);
  const run = runWith(async (document, variables) => {
    const response = await apollo.executeOperation({ query: document, variables }, { contextValue: context });
    if (response.body.kind !== 'single') throw new Error('an export operation must not stream');
    return response.body.singleResult;
  });
  const document = await definition.build(run, parameters);
  const rows = document.rows.length;
  await audit(context.db, context.viewer, 'export', file, { variables: parameters, variant: format, rows });
  if (format === 'html') {
    const { html, csp } = printHtml(document);
    return {
      fileName: document.fileName,
      format,
      contentType: 'text/html; charset=utf-8',
      body: html,
      csp,
      disposition: contentDisposition(document.fileName, 'html').replace(/^attachment/, 'inline'),
      rows,
    };
  }
  const body = format === 'xlsx' ? await printXlsx(document) : await csvOf(document);
  return {
    fileName: document.fileName,
    format,
    contentType: CONTENT_TYPES[format],
    body,
    disposition: contentDisposition(document.fileName, format),
    rows,
  };
}

/** Sends a printed document; HTML with the headers of the /docs pages and its own CSP. */
export function sendPrinted(res: Response, printed: Printed): void {
  res.setHeader('content-type', printed.contentType);
  res.setHeader('content-disposition', printed.disposition);
  res.setHeader('cache-control', 'no-store');
  if (printed.csp) {
    res.setHeader('content-security-policy', printed.csp);
    res.setHeader('x-content-type-options', 'nosniff');
    res.setHeader('referrer-policy', 'no-referrer');
  }
  res.status(200).send(printed.body);
}
