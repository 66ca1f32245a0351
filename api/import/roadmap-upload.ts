import { type Readable } from 'node:stream';
import { type Request, type Response } from 'express';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { type Viewer } from '../../db/viewer.js';
import { UnreadableFileError } from '../../ingest/read/decode.js';
import { type ImportLimits } from '../../ingest/limits.js';
import { decodeRoadmapText } from '../../ingest/roadmap/parse-table.js';
import { authorize } from '../auth/permissions.js';
import { type Context } from '../context.js';
import { badUserInput, formatError } from '../errors.js';
import { sendErrors, statusOfErrors } from '../http-errors.js';
import { DOCUMENT_TEXT_FIELDS } from '../limits/input-guard.js';
import {
  importRoadmap,
  type RoadmapImportArgs,
  type RoadmapImportField,
} from '../services/support/roadmap-import.service.js';
import { roadmapLevelOf, roadmapOrderOf, roadmapPeriodOf } from '../services/support/roadmap-options.js';
import { contentTypeOf, MULTIPART_ALLOWANCE, uploadOf, UploadTooLarge, withSpooled } from './upload.js';

/**
 * `POST /import/roadmap?level=MUNICIPALITY&region=56&municipality=…&listYear=2020[&school=…]
 * [&period=2020-09-01..2021-12-31][&order=01-10/142-2:2020-09-10][&orderIssuer=…][&orderTitle=…]`:
 * the roadmap import of SUPPORT-V1 §3 (`importRoadmap`, as the mutation and `npm run import --
 * roadmap` run it) of an uploaded text file — the table pasted from the order, UTF-8 or
 * Windows-1251 — with the options of the CLI as query parameters (`list-year` too). The file comes
 * as the upload route takes one (import.route.ts: multipart field `file`, or the raw body), under
 * its CSRF rule, its rate limit and its authentication; the role is checked at the door
 * (`support.plan`, as importRoadmap checks it first) and the place by importRoadmap itself.
 *
 * Answers: 200 with the roadmap, its activity count, the warnings; a refusal as the GraphQL error
 * the mutation would give (`errors: [{ message, extensions: { code, argument, reason } }]`, the
 * argument named by its query parameter, the table by `file`): 400 BAD_USER_INPUT (NO_HEADER,
 * PERIOD_REQUIRED, a bad option) or UNREADABLE_FILE (not text), 401, 403 FORBIDDEN, 409 CONFLICT,
 * 413 FILE_TOO_LARGE. Nothing is written unless the import is accepted.
 */

/** What importRoadmap needs of a request's context: its viewer, database handle and unit of work. */
export type RoadmapUploadContext = Pick<Context, 'db' | 'em' | 'viewer'>;

export interface RoadmapUploadOptions {
  viewerOf(req: Request): Promise<Viewer>;
  contextOf(viewer: Viewer): RoadmapUploadContext;
  limits: ImportLimits;
}

/** The text a roadmap may have (the mutation's bound), and so the bytes: at most 4 per character. */
const MAX_CHARS = DOCUMENT_TEXT_FIELDS.get('RoadmapImportInput.text') ?? 300_000;
const MAX_BYTES_PER_CHAR = 4;

/** How the arguments of importRoadmap are named in errors: by their query parameters. */
const PARAMETER_OF: Record<RoadmapImportField, string> = {
  text: 'file',
  level: 'level',
  regionCode: 'region',
  municipality: 'municipality',
  schoolCode: 'school',
  listYear: 'listYear',
  periodStart: 'period',
  periodEnd: 'period',
  orderNumber: 'order',
  orderDate: 'order',
};

const PARAMETERS = [
  'level',
  'region',
  'municipality',
  'school',
  'listYear',
  'list-year',
  'period',
  'order',
  'orderIssuer',
  'orderTitle',
  // the file's name, for a raw body (import.route.ts)
  'filename',
] as const;
type Parameter = (typeof PARAMETERS)[number];

/** Codes the HTTP routes' table (http-errors.ts) does not have. */
const STATUS: Readonly<Record<string, number>> = {
  CONFLICT: 409,
  UNREADABLE_FILE: 400,
  FILE_TOO_LARGE: 413,
  SERVICE_UNAVAILABLE: 503,
};

/** The query string as the import's arguments, but the text; BAD_USER_INPUT naming the parameter. */
function argumentsOf(query: Request['query']): Omit<RoadmapImportArgs, 'text'> {
  const given: Partial<Record<Parameter, string>> = {};
  for (const [name, value] of Object.entries(query)) {
    if (!(PARAMETERS as readonly string[]).includes(name))
      throw badUserInput(
        name,
        `Unknown parameter «${name}»; POST /import/roadmap takes ${PARAMETERS.join(', ')}`,
      );
    if (typeof value !== 'string') throw badUserInput(name, `${name}: give it once, as text`);
    given[name as Parameter] = value;
  }
  const level = roadmapLevelOf(given.level);
  if (!level)
    throw badUserInput('level', `level must be REGION, MUNICIPALITY or SCHOOL (got «${given.level ?? ''}»)`);
  if (!given.region) throw badUserInput('region', 'region is needed: the region’s code, e.g. 56');
  const yearText = given.listYear ?? given['list-year'];
  if (
    given.listYear !== undefined &&
    given['list-year'] !== undefined &&
    given.listYear !== given['list-year']
  )
    throw badUserInput('listYear', 'listYear and list-year are the same parameter: give one');
  const listYear = Number(yearText);
  if (!yearText || !/^\d{4}$/.test(yearText))
    throw badUserInput('listYear', `listYear must be a year, e.g. 2020 (got «${yearText ?? ''}»)`);
  const period = given.period === undefined ? null : roadmapPeriodOf(given.period);
  if (given.period !== undefined && !period)
    throw badUserInput(
      'period',
      `period is <start>..<end>, e.g. 2020-09-01..2021-12-31 (got «${given.period}»)`,
    );
  const order = given.order === undefined ? null : roadmapOrderOf(given.order);
  if (given.order !== undefined && !order)
    throw badUserInput(
      'order',
      `order is <number>:<date>, e.g. 01-10/142-2:2020-09-10 (got «${given.order}»)`,
    );
  for (const name of ['orderIssuer', 'orderTitle'] as const)
    if (given[name] !== undefined && !order)
      throw badUserInput(name, `${name} goes with order: give the order too`);
  return {
    level,
    regionCode: given.region,
    municipality: given.municipality,
    schoolCode: given.school,
    listYear,
    period,
    order: order && { ...order, issuer: given.orderIssuer, title: given.orderTitle },
    argumentName: (field) => PARAMETER_OF[field],
  };
}

function fileError(status: number, code: string, message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code, argument: 'file', http: { status } } });
}

async function bytesOf(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Any error as the GraphQL error the mutation would answer (api/errors.ts), and its HTTP status. */
function answerOf(error: unknown): { status: number; formatted: GraphQLFormattedError } {
  const shown =
    error instanceof GraphQLError ? error.toJSON() : { message: 'Internal server error', extensions: {} };
  const answer = formatError(shown, error);
  const { http, ...extensions } = answer.extensions ?? {};
  const formatted = { message: answer.message, extensions };
  const code = typeof extensions.code === 'string' ? extensions.code : '';
  const status =
    (http as { status?: number } | undefined)?.status ?? STATUS[code] ?? statusOfErrors([formatted], 500);
  return { status, formatted };
}

export async function roadmapUpload(
  req: Request,
  res: Response,
  options: RoadmapUploadOptions,
): Promise<void> {
  let reading = false;
  try {
    const viewer = await options.viewerOf(req);
    // The role at the door, as importRoadmap checks it first: an upload it would refuse is not read.
    authorize(viewer, 'support.plan');
    const args = argumentsOf(req.query);
    const maxBytes = Math.min(options.limits.maxUploadBytes, MAX_CHARS * MAX_BYTES_PER_CHAR);
    const tooLarge = () =>
      fileError(
        413,
        'FILE_TOO_LARGE',
        `the roadmap file is larger than ${maxBytes} bytes (a table of at most ${MAX_CHARS} characters, within IMPORT_MAX_UPLOAD_BYTES)`,
      );
    const declared = Number(req.headers['content-length']);
    const allowance = contentTypeOf(req) === 'multipart/form-data' ? MULTIPART_ALLOWANCE : 0;
    if (Number.isFinite(declared) && declared > maxBytes + allowance) throw tooLarge();
    reading = true;
    const upload = await uploadOf(req);
    if (!upload)
      throw badUserInput(
        'file',
        'Send the roadmap as multipart/form-data (field «file») or as the body with Content-Type text/plain',
      );
    const bytes = await withSpooled(req, upload.stream, maxBytes, (open) => bytesOf(open())).catch(
      (error: unknown) => {
        throw error instanceof UploadTooLarge ? tooLarge() : error;
      },
    );
    reading = false;
    let text: string;
    try {
      text = decodeRoadmapText(bytes);
    } catch (error) {
      if (!(error instanceof UnreadableFileError)) throw error;
      throw fileError(
        400,
        'UNREADABLE_FILE',
        `the roadmap file is not text in UTF-8 or Windows-1251: ${error.message}`,
      );
    }
    if (text.length > MAX_CHARS)
      throw badUserInput('file', `file: ${text.length} characters, more than the ${MAX_CHARS} accepted`);
    const result = await importRoadmap(options.contextOf(viewer), { ...args, text });
    const { batch: _batch, ...roadmap } = result.roadmap;
    res.status(200).json({
      roadmap,
      activityCount: result.activityCount,
      periodDerived: result.periodDerived,
      replaced: result.replaced,
      warnings: result.warnings,
    });
  } catch (error) {
    const { status, formatted } = answerOf(error);
    if (res.headersSent) return void res.destroy();
    // A refusal before or while the upload was read: the rest of it is not read (closed after the answer).
    if (reading || status === 413) res.setHeader('connection', 'close');
    else req.resume();
    sendErrors(res, status, [formatted]);
  }
}
