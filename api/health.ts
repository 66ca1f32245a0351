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
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'unavailable', database });
  });
  return router;
}
