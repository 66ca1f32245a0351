import { Redis } from 'ioredis';
import { type Logger } from './logger.js';

/**
 * The connection to REDIS_URL. A command fails at once while Redis is away (no offline queue, one
 * try, 500 ms at most) so a request never waits on it; ioredis reconnects by itself. An outage is
 * logged once per minute, not once per reconnect attempt.
 */
export function connectRedis(url: string, logger: Logger): Redis {
  const redis = new Redis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 1, commandTimeout: 500 });
  let lastLogged = 0;
  redis.on('error', (error: Error) => {
    if (Date.now() - lastLogged < 60_000) return;
    lastLogged = Date.now();
    logger.warn({ err: error }, 'Redis unavailable: limits count in this process only until it is back');
  });
  return redis;
}
