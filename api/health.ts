import { Router } from 'express';
import { type Orm, isReachable } from './db/database.js';

/** `/healthz`: the process answers. `/readyz`: and its database does too. */
export function healthRoutes(orm: Orm): Router {
  const router = Router();
  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.get('/readyz', async (_req, res) => {
    const database = await isReachable(orm);
    res.status(database ? 200 : 503).json({ status: database ? 'ready' : 'unavailable', database });
  });
  return router;
}
