import { type Request, type RequestHandler } from 'express';
import { logOf } from '../ops/logger.js';

export const WINDOW_MS = 60_000;

/** Counts a caller's requests in its current one-minute window: in this process, or in Redis. */
export interface WindowCounter {
  /** This request's number in the caller's window, and the ms until that window ends. */
  hit(key: string, now: number): Promise<{ count: number; resetInMs: number }>;
}

/** Windows kept at most: past it the oldest is dropped (never all at once, as a flood could force). */
const MAX_WINDOWS = 50_000;

/** One process's windows (no REDIS_URL): a window starts at the caller's first request. */
export function memoryWindows(): WindowCounter {
  const windows = new Map<string, { start: number; count: number }>();
  const open = (key: string, now: number) => {
    windows.delete(key); // re-inserted last: the Map's order is the windows' age
    for (const [oldest, w] of windows) {
      if (windows.size < MAX_WINDOWS && now - w.start < WINDOW_MS) break;
      windows.delete(oldest);
    }
    const window = { start: now, count: 0 };
    windows.set(key, window);
    return window;
  };
  return {
    hit(key, now) {
      let window = windows.get(key);
      if (!window || now - window.start >= WINDOW_MS) window = open(key, now);
      window.count += 1;
      return Promise.resolve({ count: window.count, resetInMs: window.start + WINDOW_MS - now });
    },
  };
}

/**
 * A fixed one-minute window per caller — its verified identity (token subject or credential), else
 * its address — on every route: one client looping cannot starve the others, and respelling the
 * Authorization header (`bearer`, two spaces) or sending garbage ones does not open new windows.
 * Off when the limit is 0. When the shared counter (Redis) fails, this process counts alone until
 * it is back: the limit still holds per process, and never becomes the thing that stops the service.
 */
export function rateLimit(
  perMinute: number,
  callerOf: (req: Request) => Promise<string>,
  counter: WindowCounter = memoryWindows(),
): RequestHandler {
  const alone = memoryWindows();
  return async (req, res, next) => {
    if (perMinute <= 0) return next();
    const key = await callerOf(req);
    const now = Date.now();
    let hit: { count: number; resetInMs: number };
    try {
      hit = await counter.hit(key, now);
    } catch (error) {
      logOf(res).debug({ err: error }, 'the shared rate-limit counter failed: counted in this process');
      hit = await alone.hit(key, now);
    }
    if (hit.count <= perMinute) return next();
    res.setHeader('Retry-After', String(Math.max(1, Math.ceil(hit.resetInMs / 1000))));
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
