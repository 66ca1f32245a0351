import { timingSafeEqual } from 'node:crypto';
import { Router } from 'express';
import { sendError } from '../http-errors.js';
import { type Metrics } from './metrics.js';

const same = (a: string, b: string) =>
  a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/**
 * GET /metrics in Prometheus' text format. With METRICS_TOKEN set a scrape must send it as a bearer
 * token (the scraper's `authorization` setting); the figures name no school, only counts and times.
 */
export function metricsRoute(metrics: Metrics, token: string | undefined): Router {
  const router = Router();
  router.get('/metrics', async (req, res) => {
    if (token && !same(req.get('authorization') ?? '', `Bearer ${token}`)) {
      return sendError(
        res,
        401,
        'UNAUTHENTICATED',
        'GET /metrics needs Authorization: Bearer <METRICS_TOKEN>',
      );
    }
    res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });
  return router;
}
