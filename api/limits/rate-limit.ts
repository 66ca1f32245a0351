import { type Request, type RequestHandler } from 'express';

/** Windows kept at most: past it the oldest is dropped (never all at once, as a flood could force). */
const MAX_WINDOWS = 50_000;

/**
 * A fixed one-minute window per caller — its verified identity (token subject or credential), else
 * its address — on every route: one client looping cannot starve the others, and respelling the
 * Authorization header (`bearer`, two spaces) or sending garbage ones does not open new windows.
 * Off when the limit is 0.
 */
export function rateLimit(perMinute: number, callerOf: (req: Request) => Promise<string>): RequestHandler {
  const windows = new Map<string, { start: number; count: number }>();
  const open = (key: string, now: number) => {
    windows.delete(key); // re-inserted last: the Map's order is the windows' age
    for (const [oldest, w] of windows) {
      if (windows.size < MAX_WINDOWS && now - w.start < 60_000) break;
      windows.delete(oldest);
    }
    const window = { start: now, count: 0 };
    windows.set(key, window);
    return window;
  };
  return async (req, res, next) => {
    if (perMinute <= 0) return next();
    const key = await callerOf(req);
    const now = Date.now();
    let window = windows.get(key);
    if (!window || now - window.start >= 60_000) window = open(key, now);
    window.count += 1;
    if (window.count <= perMinute) return next();
    res.setHeader('Retry-After', String(Math.max(1, Math.ceil((window.start + 60_000 - now) / 1000))));
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
