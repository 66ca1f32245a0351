import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import busboy from 'busboy';
import { type Request, type Response, Router } from 'express';
import { GraphQLError } from 'graphql';
import { runImport } from '../../ingest/import.js';
import { isImportKind, IMPORT_KINDS } from '../../ingest/formats/types.js';
import { type ImportReport } from '../../ingest/report.js';
import { Role, type Viewer } from '../auth/viewer.js';
import { type Knex } from '../db/database.js';
import { withPgConnection } from '../db/queryable.js';

/**
 * `POST /import/:kind`: a file upload, spooled to a temporary file (never held in memory) and
 * imported from there — the direct path may read the file twice (ingest/write/direct.ts), and the
 * pool's connection is taken only once the upload has arrived. multipart/form-data with the field
 * `file`, or the raw file as the body (`text/csv`, the XLSX MIME type or application/octet-stream)
 * with `?filename=`. Same authentication as /graphql.
 * 200 accepted, 422 refused (every bad row), 400 unknown kind or unreadable file, 403 other roles.
 */

const RAW_TYPES = [
  'text/csv',
  'text/plain',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/octet-stream',
];

function sendError(res: Response, status: number, code: string, message: string): void {
  res.status(status).json({ errors: [{ message, extensions: { code } }] });
}

/** Who may import: the ministry anywhere, a region analyst its own region (checked row by row). */
function mayImport(viewer: Viewer): boolean {
  return (
    viewer.role === Role.MINISTRY || (viewer.role === Role.REGION_ANALYST && viewer.scope.kind === 'REGIONS')
  );
}

interface Upload {
  stream: Readable;
  fileName: string;
}

/** The uploaded file as a stream: the `file` part of a multipart body, or the body itself. */
function uploadOf(req: Request): Promise<Upload | null> {
  const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  const queryName = typeof req.query.filename === 'string' ? req.query.filename : null;
  if (RAW_TYPES.includes(type)) return Promise.resolve({ stream: req, fileName: queryName ?? 'upload' });
  if (type !== 'multipart/form-data') return Promise.resolve(null);
  return new Promise((resolve, reject) => {
    const parser = busboy({ headers: req.headers, limits: { files: 1 } });
    let found = false;
    parser.on('file', (name, stream, info) => {
      if (name !== 'file' || found) {
        stream.resume();
        return;
      }
      found = true;
      resolve({ stream, fileName: queryName ?? info.filename ?? 'upload' });
    });
    parser.on('close', () => {
      if (!found) resolve(null);
    });
    parser.on('error', reject);
    req.pipe(parser);
  });
}

/** Runs `fn` with the upload as a re-openable file in a directory of its own, removed afterwards. */
async function withSpooled<T>(stream: Readable, fn: (open: () => Readable) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'shnor-upload-'));
  try {
    const file = join(dir, 'upload');
    await pipeline(stream, createWriteStream(file));
    return await fn(() => createReadStream(file, { highWaterMark: 1 << 16 }));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function statusOf(report: ImportReport): number {
  if (report.status === 'ACCEPTED') return 200;
  return report.fileError ? 400 : 422;
}

export interface ImportRouteOptions {
  knex: Knex;
  /** The authentication of /graphql (api/app.ts), so an upload is allowed exactly when a query would be. */
  viewerOf(req: Request): Promise<Viewer>;
}

export function importRouter({ knex, viewerOf }: ImportRouteOptions): Router {
  const router = Router();
  router.post('/import/:kind', async (req, res) => {
    const kind = String(req.params.kind);
    try {
      if (!isImportKind(kind)) {
        req.resume();
        return sendError(
          res,
          400,
          'BAD_USER_INPUT',
          `Unknown kind «${kind}»: one of ${IMPORT_KINDS.join(', ')}`,
        );
      }
      const viewer = await viewerOf(req);
      if (!mayImport(viewer)) {
        req.resume();
        return sendError(res, 403, 'FORBIDDEN', 'Imports are for the ministry and region analysts');
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
      const report = await withSpooled(upload.stream, (open) =>
        withPgConnection(knex, (client) =>
          runImport(client, { kind, fileName: upload.fileName, source: { open }, viewer }),
        ),
      );
      res.status(statusOf(report)).json(report);
    } catch (error) {
      if (error instanceof GraphQLError) {
        const http = error.extensions.http as { status?: number } | undefined;
        return sendError(
          res,
          http?.status ?? 401,
          String(error.extensions.code ?? 'UNAUTHENTICATED'),
          error.message,
        );
      }
      console.error(error);
      sendError(res, 500, 'INTERNAL_SERVER_ERROR', 'Internal server error');
    }
  });
  return router;
}
