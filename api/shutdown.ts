import { type RequestHandler } from 'express';

/** Stops taking requests on shutdown and tells when the ones in flight are done. */
export interface Draining {
  middleware: RequestHandler;
  readonly draining: boolean;
  /** From now on every new request is 503; resolves when none is in flight, or after `graceMs`. */
  start(graceMs: number): Promise<'drained' | 'grace over'>;
}

export function drainingGate(): Draining {
  let inFlight = 0;
  let draining = false;
  let onIdle: (() => void) | undefined;
  return {
    get draining() {
      return draining;
    },
    middleware: (_req, res, next) => {
      if (draining) {
        res.setHeader('Connection', 'close');
        res.setHeader('Retry-After', '5');
        res.status(503).json({
          errors: [
            {
              message: 'The server is shutting down; retry shortly',
              extensions: { code: 'SERVICE_UNAVAILABLE' },
            },
          ],
        });
        return;
      }
      inFlight += 1;
      res.on('close', () => {
        inFlight -= 1;
        if (inFlight === 0) onIdle?.();
      });
      next();
    },
    start(graceMs) {
      draining = true;
      if (inFlight === 0) return Promise.resolve('drained');
      return new Promise((resolve) => {
        const timer = setTimeout(() => resolve('grace over'), graceMs);
        onIdle = () => {
          clearTimeout(timer);
          resolve('drained');
        };
      });
    },
  };
}
