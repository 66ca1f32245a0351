import { type RequestHandler } from 'express';

/**
 * A fixed one-minute window per caller (its Authorization header, else its address): one client
 * looping cannot starve the others. Off when the limit is 0.
 */
export function rateLimit(perMinute: number): RequestHandler {
  const windows = new Map<string, { start: number; count: number }>();
  return (req, res, next) => {
    if (perMinute <= 0) return next();
    const key = req.headers.authorization ?? req.ip ?? 'unknown';
    const now = Date.now();
    let window = windows.get(key);
    if (!window || now - window.start >= 60_000) {
      if (windows.size > 10_000) windows.clear(); // a flood of distinct keys cannot grow memory
      windows.set(key, (window = { start: now, count: 0 }));
    }
    window.count += 1;
    if (window.count <= perMinute) return next();
    res.setHeader('Retry-After', String(Math.ceil((window.start + 60_000 - now) / 1000)));
    res.status(429).json({
      errors: [
        {
          message: `Rate limit of ${perMinute} requests per minute exceeded`,
          extensions: { code: 'RATE_LIMITED' },
        },
      ],
    });
  };
}
