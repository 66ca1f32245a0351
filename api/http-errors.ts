import { type ErrorRequestHandler, type Response } from 'express';
import { type GraphQLError, type GraphQLFormattedError } from 'graphql';
import { logOf } from './ops/logger.js';
import { type RequestReport } from './ops/request-log.js';

/** The HTTP status of an error code, where a route answers outside GraphQL (import, export). */
const STATUS: Readonly<Record<string, number>> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  BAD_USER_INPUT: 400,
  QUERY_LIMIT_EXCEEDED: 400,
  GRAPHQL_VALIDATION_FAILED: 400,
  RATE_LIMITED: 429,
  QUERY_TIMEOUT: 503,
};

/** The status of an answer by its first error's code (`fallback` for a code without one). */
export function statusOfErrors(errors: readonly GraphQLFormattedError[], fallback = 500): number {
  const code = errors[0]?.extensions?.code;
  return (typeof code === 'string' && STATUS[code]) || fallback;
}

/** THE error writer of the HTTP routes: GraphQL-shaped JSON, `{ errors: [{ message, extensions }] }`. */
export function sendErrors(res: Response, status: number, errors: readonly GraphQLFormattedError[]): void {
  (res.locals.report as RequestReport | undefined)?.noteErrors(errors);
  res.status(status).json({ errors });
}

export function sendError(res: Response, status: number, code: string, message: string): void {
  sendErrors(res, status, [{ message, extensions: { code } }]);
}

/**
 * A GraphQLError a route caught (authentication's 401, a ForbiddenError's 403): its own HTTP status,
 * else its code's; `fallback` for neither. The answer carries its message and extensions.
 */
export function sendGraphQLError(res: Response, error: GraphQLError, fallback: number): void {
  const { http, ...extensions } = error.extensions as { http?: { status?: number } } & Record<
    string,
    unknown
  >;
  const code = typeof extensions.code === 'string' ? extensions.code : 'UNAUTHENTICATED';
  // The error's other extensions (a refusal's `action` and `argument`) as /graphql would answer them.
  sendErrors(res, http?.status ?? STATUS[code] ?? fallback, [
    { message: error.message, extensions: { ...extensions, code } },
  ]);
}

/** body-parser's error types, answered as GraphQL-shaped JSON instead of express's HTML page. */
const KNOWN: Record<string, { status: number; code: string; message: string }> = {
  'entity.too.large': {
    status: 413,
    code: 'REQUEST_TOO_LARGE',
    message: 'The request body is larger than 1 MB',
  },
  'entity.parse.failed': { status: 400, code: 'BAD_REQUEST', message: 'The request body is not valid JSON' },
  'charset.unsupported': {
    status: 415,
    code: 'UNSUPPORTED_MEDIA_TYPE',
    message: 'Unsupported charset: send the body as UTF-8',
  },
  'encoding.unsupported': {
    status: 415,
    code: 'UNSUPPORTED_MEDIA_TYPE',
    message: 'Unsupported content encoding: send the body as identity, gzip or deflate',
  },
  'request.aborted': { status: 400, code: 'BAD_REQUEST', message: 'The request was aborted' },
};

/** The last handler: every error an HTTP route lets through becomes JSON with a code; no stack, no HTML. */
export const jsonErrors: ErrorRequestHandler = (error: unknown, _req, res, _next) => {
  const type = typeof error === 'object' && error !== null ? (error as { type?: unknown }).type : undefined;
  const known = typeof type === 'string' ? KNOWN[type] : undefined;
  if (!known) logOf(res).error({ err: error }, 'unexpected error');
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const { status, code, message } = known ?? {
    status: 500,
    code: 'INTERNAL_SERVER_ERROR',
    message: 'Internal server error',
  };
  sendError(res, status, code, message);
};
