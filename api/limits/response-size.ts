import { type RequestHandler } from 'express';

/**
 * Refuses a GraphQL answer larger than `maxBytes` (0 = off) instead of sending it: a backstop behind
 * the cost limit, so no single response can fill a client's or a proxy's memory. The body is already
 * a string when Apollo sends it, so measuring it costs one pass only for answers near the limit.
 */
export function responseSizeLimit(maxBytes: number): RequestHandler {
  return (_req, res, next) => {
    if (maxBytes <= 0) return next();
    const send = res.send.bind(res);
    res.send = (body?: unknown) => {
      // A UTF-8 string is at most 3 bytes per UTF-16 unit: below a third of the limit it fits.
      if (typeof body === 'string' && body.length * 3 > maxBytes) {
        const bytes = Buffer.byteLength(body);
        if (bytes > maxBytes) {
          res.status(200).type('application/json');
          return send(
            JSON.stringify({
              errors: [
                {
                  message: `The answer would be ${bytes} bytes, above the limit of ${maxBytes} (MAX_RESPONSE_BYTES): ask for fewer rows or fields, or page with first/after`,
                  extensions: { code: 'RESPONSE_TOO_LARGE', limit: 'responseBytes', bytes, maxBytes },
                },
              ],
            }),
          );
        }
      }
      return send(body);
    };
    next();
  };
}
