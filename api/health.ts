import { Router } from 'express';
import { type Orm, isReachable } from '../schema/database.js';
import { type Draining } from './shutdown.js';

/** `/healthz`: the process answers. `/readyz`: and its database does too, and it is not shutting down. */
export function healthRoutes(orm: Orm, draining: Draining): Router {
  const router = Router();
  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.get('/readyz', async (_req, res) => {
    const database = await isReachable(orm);
    const ready = database && !draining.draining;
    // The reason, for whoever reads a load balancer's log: which of the two it is.
    const reason = draining.draining
      ? 'the server is shutting down'
      : database
        ? undefined
        : 'the database does not answer';
    res
      .status(ready ? 200 : 503)
      .json({ status: ready ? 'ready' : 'unavailable', database, ...(reason ? { reason } : {}) });
  });
  return router;
}
