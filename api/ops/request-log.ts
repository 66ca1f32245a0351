import { type RequestHandler } from 'express';
import { type Logger, requestIdOf } from './logger.js';
import { type Metrics } from './metrics.js';

/**
 * One request's part of the log: its id, what its line will report (the GraphQL layer fills in
 * the operation and the error codes, operations.plugin.ts), and a logger for anything else it
 * logs — made only then: a child logger per request was measurable on the light query.
 */
export class RequestReport {
  operation?: string;
  readonly errorCodes: string[] = [];
  private child: Logger | undefined;

  constructor(
    readonly requestId: string,
    private readonly logger: Logger,
  ) {}

  log(): Logger {
    return (this.child ??= this.logger.child({ requestId: this.requestId }));
  }

  /** The `extensions.code` of each error answered (GraphQL or a file route). */
  noteErrors(errors: readonly { extensions?: { code?: unknown } }[]): void {
    for (const e of errors)
      if (typeof e.extensions?.code === 'string') this.errorCodes.push(e.extensions.code);
  }
}

const ROUTES = ['/graphql', '/export', '/import', '/docs', '/healthz', '/readyz', '/metrics', '/ide'];

/** A fixed label per route (a path is the client's to choose: never a label of its own). */
function routeOf(path: string): string {
  return ROUTES.find((r) => path === r || path.startsWith(`${r}/`)) ?? 'other';
}

/**
 * First on every request: its id (the client's `X-Request-Id` when plain, else a new one, sent back),
 * a logger whose every line carries it, and at the end one line — method, route, status, time,
 * operation, error codes, caller role — and the metrics of the same facts.
 */
export function requestLog(logger: Logger, metrics: Metrics): RequestHandler {
  return (req, res, next) => {
    const started = process.hrtime.bigint();
    const requestId = requestIdOf(req.get('x-request-id'));
    res.setHeader('x-request-id', requestId);
    const report = new RequestReport(requestId, logger);
    res.locals.report = report;
    res.on('close', () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const route = routeOf(req.originalUrl.split('?')[0] ?? '');
      const status = res.writableFinished ? res.statusCode : 499; // 499: the client went away first
      metrics.answered(route, status, seconds, report);
      logger.info(
        {
          requestId,
          method: req.method,
          route,
          status,
          ms: Math.round(seconds * 10_000) / 10,
          ...(report.operation ? { operation: report.operation } : {}),
          ...(report.errorCodes.length ? { errors: report.errorCodes } : {}),
          ...(res.locals.role ? { role: res.locals.role as string } : {}),
        },
        'request',
      );
    });
    next();
  };
}
