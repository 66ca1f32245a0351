import { type ErrorRequestHandler } from 'express';

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
  if (!known) console.error(error);
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const { status, code, message } = known ?? {
    status: 500,
    code: 'INTERNAL_SERVER_ERROR',
    message: 'Internal server error',
  };
  res.status(status).json({ errors: [{ message, extensions: { code } }] });
};
