import { type Request, type Response, Router } from 'express';
import { GraphQLError } from 'graphql';
import { recordRefusal, runImport } from '../../ingest/import.js';
import {
  type AnyImportKind,
  isImportKind,
  isSupportImportKind,
  IMPORT_KINDS,
  SUPPORT_IMPORT_KINDS,
} from '../../ingest/formats/types.js';
import { fileTooLarge, type FileErrorCode, type ImportLimits } from '../../ingest/limits.js';
import { type ImportReport } from '../../ingest/report.js';
import { type Viewer } from '../../db/viewer.js';
import { loadConfig } from '../../config/settings.js';
import { type LendConnection } from '../../db/knex-queryable.js';
import { authorize } from '../auth/permissions.js';
import { sendError, sendGraphQLError } from '../http-errors.js';
import { csrfPrevention } from '../limits/csrf.js';
import { roadmapUpload, type RoadmapUploadContext } from './roadmap-upload.js';
import { contentTypeOf, MULTIPART_ALLOWANCE, uploadOf, UploadTooLarge, withSpooled } from './upload.js';
import { logOf } from '../ops/logger.js';
import { type Metrics } from '../ops/metrics.js';

/**
 * `POST /import/:kind`: a file upload, spooled to a temporary file (never held in memory) and
 * imported from there — the direct path may read the file twice (ingest/write/direct.ts), and the
 * pool's connection is taken only once the upload has arrived. multipart/form-data with the field
 * `file`, or the raw file as the body (`text/csv`, the XLSX MIME type or application/octet-stream)
 * with `?filename=`. Same authentication as /graphql, and the same CSRF rule (api/limits/csrf.ts):
 * a multipart or text/plain upload must carry the header `apollo-require-preflight: true`.
 *
 * Answers: 200 accepted; 422 refused rows (`errors`: every bad row); a file refused whole (README:
 * Limits) answers its report with `errors` holding one entry, the file error — a bad row at line 0
 * that is also a GraphQL-style error (`message`, `extensions.code`): 400 UNREADABLE_FILE, 413
 * FILE_TOO_LARGE / UNPACKED_TOO_LARGE / TOO_MANY_ROWS, 422 TOO_MANY_COLUMNS / CELL_TOO_LONG,
 * 503 IMPORT_TIMEOUT. An upload over IMPORT_MAX_UPLOAD_BYTES (by its Content-Length, or counted as
 * it arrives) is not read further: 413, its spool removed, the connection closed; logged like any
 * refusal. Otherwise 400 unknown kind or CSRF_PREVENTED, 401, 403 other roles.
 */

const FILE_ERROR_STATUS: Record<FileErrorCode, number> = {
  UNREADABLE_FILE: 400,
  FILE_TOO_LARGE: 413,
  UNPACKED_TOO_LARGE: 413,
  TOO_MANY_ROWS: 413,
  TOO_MANY_COLUMNS: 422,
  CELL_TOO_LONG: 422,
  IMPORT_TIMEOUT: 503,
  IMPORT_FAILED: 500,
};

function statusOf(report: ImportReport): number {
  if (report.status === 'ACCEPTED') return 200;
  return report.fileError ? FILE_ERROR_STATUS[report.fileError.code] : 422;
}

/**
 * The answer of a report: as it is, or for a file refused whole, `errors` holding its file error
 * both as import_log stores it (a bad row at line 0) and as a GraphQL error (message, extensions).
 */
function answerOf(report: ImportReport): unknown {
  const fileError = report.fileError;
  if (!fileError) return report;
  const { code, ru, en, value } = fileError;
  return {
    ...report,
    errors: [
      {
        line: 0,
        column: '',
        value: value ?? '',
        reason: { ru, en },
        message: en,
        extensions: { code, importId: report.id },
      },
    ],
  };
}

export interface ImportRouteOptions {
  /** A connection of the server's pool for the whole import (its COPY and its one transaction). */
  connect: LendConnection;
  /** The authentication of /graphql (api/app.ts), so an upload is allowed exactly when a query would be. */
  viewerOf(req: Request): Promise<Viewer>;
  /** The import limits (config.imports); the configured ones (IMPORT_* settings) when absent. */
  limits?: ImportLimits;
  /**
   * The unit of work of `POST /import/roadmap` (api/import/roadmap-upload.ts) for a viewer: the
   * request context of /graphql. Without it the roadmap kind is not served here.
   */
  roadmapContext?(viewer: Viewer): RoadmapUploadContext;
  /** Counts the rows of every file imported or refused here (GET /metrics). */
  metrics?: Pick<Metrics, 'importRows'>;
}

export function importRouter({
  connect,
  viewerOf,
  limits = loadConfig().imports,
  roadmapContext,
  metrics,
}: ImportRouteOptions): Router {
  const router = Router();

  /** Logs and answers an upload over the limit; the rest of its body is not read. */
  const refuseTooLarge = async (
    res: Response,
    request: { kind: AnyImportKind; fileName: string; viewer: Viewer },
    bytes: number,
  ) => {
    const error = fileTooLarge(limits.maxUploadBytes);
    const report = await connect((client) =>
      recordRefusal(client, request, { code: error.code, ru: error.ru, en: error.message }, bytes),
    );
    // Closed after the answer: draining the rest would read what was just refused.
    res.setHeader('connection', 'close');
    res.status(413).json(answerOf(report));
  };

  router.post('/import/:kind', csrfPrevention(), async (req, res) => {
    const kind = String(req.params.kind);
    // SUPPORT-V1 §3 roadmap tables: a text file and the options of `npm run import -- roadmap`.
    if (kind === 'roadmap' && roadmapContext)
      return roadmapUpload(req, res, { viewerOf, contextOf: roadmapContext, limits });
    try {
      if (!isImportKind(kind) && !isSupportImportKind(kind)) {
        req.resume();
        return sendError(
          res,
          400,
          'BAD_USER_INPUT',
          `Unknown kind «${kind}»: one of ${[...IMPORT_KINDS, ...SUPPORT_IMPORT_KINDS, ...(roadmapContext ? ['roadmap'] : [])].join(', ')}`,
        );
      }
      const viewer = await viewerOf(req);
      // The ministry anywhere, a region analyst its own region (its rows are checked one by one);
      // support lists (SUPPORT-V1 §1): also a municipal analyst, each row's place within its scope.
      authorize(viewer, isSupportImportKind(kind) ? 'support.import' : 'imports.run');
      const declared = Number(req.headers['content-length']);
      const allowance = contentTypeOf(req) === 'multipart/form-data' ? MULTIPART_ALLOWANCE : 0;
      if (Number.isFinite(declared) && declared > limits.maxUploadBytes + allowance) {
        const fileName = typeof req.query.filename === 'string' ? req.query.filename : 'upload';
        return await refuseTooLarge(res, { kind, fileName, viewer }, declared);
      }
      const upload = await uploadOf(req);
      if (!upload) {
        req.resume();
        return sendError(
          res,
          400,
          'BAD_USER_INPUT',
          'Send the file as multipart/form-data (field «file») or as the body with Content-Type text/csv or the XLSX type',
        );
      }
      let report: ImportReport;
      try {
        report = await withSpooled(req, upload.stream, limits.maxUploadBytes, (open) =>
          connect((client) =>
            runImport(client, { kind, fileName: upload.fileName, source: { open }, viewer, limits }),
          ),
        );
      } catch (error) {
        if (!(error instanceof UploadTooLarge)) throw error;
        return await refuseTooLarge(res, { kind, fileName: upload.fileName, viewer }, error.bytes);
      }
      const outcome = report.status === 'ACCEPTED' ? 'imported' : 'refused';
      metrics?.importRows.inc({ kind, outcome }, report.rows);
      res.status(statusOf(report)).json(answerOf(report));
    } catch (error) {
      // Before the upload is read: 401 from authentication, 403 from authorize.
      if (error instanceof GraphQLError) {
        req.resume();
        return sendGraphQLError(res, error, 401);
      }
      logOf(res).error({ err: error }, 'unexpected error');
      if (!res.headersSent) sendError(res, 500, 'INTERNAL_SERVER_ERROR', 'Internal server error');
    }
  });
  return router;
}
