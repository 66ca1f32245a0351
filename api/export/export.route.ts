import { type ApolloServer } from '@apollo/server';
import express, { type Request, type Response, type Router } from 'express';
import { GraphQLError } from 'graphql';
import { type Viewer } from '../../db/viewer.js';
import { authorize } from '../auth/permissions.js';
import { type Context } from '../context.js';
import { sendErrors, sendGraphQLError } from '../http-errors.js';
import { EXPORTS, PRINTED } from './catalogue.js';
import { exportAs, exportFileOf } from './export-as.js';
import { contentDisposition } from './file-name.js';
import { printAs, printFileOf, sendPrinted } from './print/serve.js';
import { ExportError } from './run-export.js';
import { logOf } from '../ops/logger.js';

export interface ExportDeps {
  apollo: ApolloServer<Context>;
  /** The API's own authentication: the same viewer a GraphQL request would get. */
  viewerOf(req: Request): Promise<Viewer>;
  /** The request's budget (pool share) comes from app.ts's middleware, in `res.locals`. */
  /** `res`: the request's share of the pool, logger and report (res.locals). */
  contextFor(viewer: Viewer, res?: Response): Context;
}

/**
 * `GET /export/<name>.<csv|xlsx>?param=value…[&variant=machine|appendix]` (and the printed documents'
 * `<name>.<xlsx|html|csv>`, api/export/print): links a browser or a
 * dashboard can open, with the same authentication header and scope as the API; the file is named
 * after what it holds (file-name.ts). Every export is written to the audit log.
 */
export function exportRouter(deps: ExportDeps): Router {
  const router = express.Router();
  router.get('/export/:file', async (req, res) => {
    const target = exportFileOf(req.params.file);
    // Printed documents (api/export/print): a title block over a table, also as an HTML page.
    const printed = target ? null : printFileOf(req.params.file);
    if (!target && !printed) {
      return sendErrors(res, 404, [
        {
          message: `No export «${req.params.file}»; available: ${[
            ...[...EXPORTS.keys()].map((n) => `${n}.csv, ${n}.xlsx`),
            ...[...PRINTED.keys()].map((n) => `${n}.xlsx, ${n}.html, ${n}.csv`),
          ].join(', ')}`,
          extensions: { code: 'NOT_FOUND' },
        },
      ]);
    }
    let viewer: Viewer;
    try {
      viewer = await deps.viewerOf(req);
      authorize(viewer, 'exports.run');
    } catch (error) {
      // 401 unauthenticated, 403 a viewer who may not export
      if (error instanceof GraphQLError) return sendGraphQLError(res, error, 401);
      throw error;
    }
    const context = deps.contextFor(viewer, res);
    try {
      if (printed)
        return sendPrinted(
          res,
          await printAs(deps.apollo, context, printed, req.query as Record<string, unknown>),
        );
      if (!target) return;
      await exportAs(deps.apollo, context, target, req.query as Record<string, unknown>, (output) => {
        res.setHeader('content-type', output.contentType);
        res.setHeader('content-disposition', contentDisposition(output.fileName, output.extension));
        return res;
      });
    } catch (error) {
      if (error instanceof ExportError && !res.headersSent)
        return sendErrors(res, error.status, error.errors);
      logOf(res).error({ err: error }, 'unexpected error');
      // After the first row the status is sent: cutting the connection tells the client the file is incomplete.
      if (res.headersSent) res.destroy();
      else
        sendErrors(res, 500, [
          { message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } },
        ]);
    }
  });
  return router;
}
