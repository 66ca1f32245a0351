import { type RequestHandler } from 'express';

/**
 * CSRF prevention for routes outside Apollo, by Apollo Server's own rule (its `csrfPrevention`,
 * on for /graphql): a browser sends a request without a CORS preflight only when its content type
 * is one of the three "simple" ones — text/plain, multipart/form-data,
 * application/x-www-form-urlencoded — or absent, and it cannot add a custom header without a
 * preflight. Such a request must therefore carry a non-empty `apollo-require-preflight` or
 * `x-apollo-operation-name` header (any value, e.g. `apollo-require-preflight: true`); without one
 * it is refused with 400 CSRF_PREVENTED before anything else runs or its body is read. Any other
 * content type (text/csv, application/json, the XLSX type, …) would have been preflighted, and is
 * let through. A content type that does not parse is let through too, as Apollo does: a browser
 * would have preflighted it.
 */

const SIMPLE_TYPES = ['text/plain', 'multipart/form-data', 'application/x-www-form-urlencoded'];
// Authorization too: a browser cannot add it cross-site without a preflight (as on /graphql).
export const CSRF_HEADERS = ['apollo-require-preflight', 'x-apollo-operation-name', 'authorization'];

/** type "/" subtype, both RFC 7230 tokens (what a MIME type parser would accept as the essence). */
const TOKEN = /^[!#$%&'*+.^_`|~0-9a-z-]+\/[!#$%&'*+.^_`|~0-9a-z-]+$/;

/** The essence of a Content-Type (`type/subtype`, lower case), or null when it does not parse. */
function essence(contentType: string): string | null {
  const value = (contentType.split(';')[0] ?? '').trim().toLowerCase();
  return TOKEN.test(value) ? value : null;
}

export function csrfPrevention(): RequestHandler {
  return (req, res, next) => {
    const type = req.headers['content-type'];
    if (type !== undefined) {
      const parsed = essence(type);
      if (parsed === null || !SIMPLE_TYPES.includes(parsed)) return next();
    }
    const preflighted = CSRF_HEADERS.some((name) => {
      const value = req.headers[name];
      return value !== undefined && value.length > 0;
    });
    if (preflighted) return next();
    // The body is not read: the connection is closed after the answer rather than drained.
    res.setHeader('connection', 'close');
    res.status(400).json({
      errors: [
        {
          message:
            `This request has been blocked as a potential Cross-Site Request Forgery (CSRF). ` +
            `Send a content type other than ${SIMPLE_TYPES.join(', ')}, or a non-empty ` +
            `${CSRF_HEADERS.join(' or ')} header (e.g. «apollo-require-preflight: true»).`,
          extensions: { code: 'CSRF_PREVENTED' },
        },
      ],
    });
  };
}
