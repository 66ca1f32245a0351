import { randomUUID } from 'node:crypto';
import { type Response } from 'express';
import { pino, type Logger } from 'pino';
import { type LogLevel } from '../../config/settings.js';

export type { Logger };

/**
 * The server's one log: JSON lines on stdout (pino), for a collector to parse. Credentials never
 * reach it: the request lines carry no headers but the request id, and `err` is pino's serializer.
 * pino's default, synchronous stdout: its asynchronous writes measured costlier (bench/RESULTS.md).
 */
export function createLogger(level: LogLevel): Logger {
  return pino({
    level,
    base: { service: 'shnor-analytics' },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
  });
}

/** A client's own id is kept (a proxy's, a BI job's) when it is short and plain; else a new one. */
const CLIENT_REQUEST_ID = /^[\w.:-]{1,128}$/;

export function requestIdOf(given: string | undefined): string {
  return given && CLIENT_REQUEST_ID.test(given) ? given : randomUUID();
}

let outsideRequests: Logger | undefined;

/** The request's logger (request-log.ts): every line it writes carries the request id. */
export function logOf(res: Response): Logger {
  const report = res.locals.report as { log(): Logger } | undefined;
  return report?.log() ?? (outsideRequests ??= createLogger('info'));
}
